#!/usr/bin/env bash
# The team ledger over TLS: a throwaway PostgreSQL server with ssl=on and hostssl lines only, its certificates made
# here by a test authority. Checks that require, verify-ca and verify-full connect with the authority given as
# sslrootcert (or PGSSLROOTCERT, or ~/.postgresql/root.crt); that an unknown authority, another host name, an
# expired certificate and a missing client certificate are refused in plain words saying what to change; and that a
# client certificate with its key is shown to a server that asks for one.
# Usage: Tests/EndToEnd/ledger-tls.sh PATH_TO_YLYTIC
set -euo pipefail
binary="${1:?usage: $0 PATH_TO_YLYTIC}"
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
chmod 755 "$work" # the server runs as the postgres user, which must reach its folder inside
database="$work/postgres"
certs="$work/certs"
passed=0
failed=0
pass() { echo "ok: $1"; passed=$((passed + 1)); }
fail() { echo "FAIL: $1"; failed=$((failed + 1)); }
cleanup() {
    bash "$here/throwaway-postgres.sh" stop "$database" || true
    rm -rf "$work"
}
trap cleanup EXIT

# The authorities and certificates, with openssl: the test CA, another CA nobody gave, the server's certificate for
# localhost and 127.0.0.1, one for another host, one expired in 2020, and a client certificate.
mkdir -p "$certs/ca/newcerts" "$work/home"
cd "$certs"
quiet() { "$@" >/dev/null 2>&1 || { echo "FAIL: $*"; exit 1; }; }
quiet openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.crt -days 3650 -subj "/CN=ylytic test CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign"
quiet openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.crt -days 3650 \
    -subj "/CN=another CA" -addext "basicConstraints=critical,CA:TRUE"
server_certificate() { # NAME SUBJECT_ALT_NAMES
    quiet openssl req -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -subj "/CN=$1"
    printf 'subjectAltName=%s\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n' "$2" >"$1.ext"
    quiet openssl x509 -req -in "$1.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -extfile "$1.ext" \
        -out "$1.crt"
}
server_certificate server "DNS:localhost,IP:127.0.0.1"
server_certificate elsewhere "DNS:db.example.com"
# openssl 3.0's x509 cannot date a certificate in the past; its ca command can.
: >ca/index.txt
echo 1000 >ca/serial
cat >ca.cnf <<EOF
[ca]
default_ca = test
[test]
dir = $certs/ca
database = \$dir/index.txt
new_certs_dir = \$dir/newcerts
serial = \$dir/serial
certificate = $certs/ca.crt
private_key = $certs/ca.key
default_md = sha256
policy = anything
[anything]
commonName = supplied
[server]
subjectAltName = DNS:localhost,IP:127.0.0.1
EOF
quiet openssl ca -batch -config ca.cnf -extensions server -in server.csr -notext -startdate 20200101000000Z \
    -enddate 20200201000000Z -out expired.crt
quiet openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj "/CN=certified"
quiet openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 365 -out client.crt \
    -extfile <(echo extendedKeyUsage=clientAuth)
chmod 600 client.key

# The server: TLS only over TCP; the user "certified" must show a certificate from the test CA.
port="$(bash "$here/throwaway-postgres.sh" start "$database")"
data="$database/data"
serve() { # NAME [KEY]: the server's certificate and its key, put in place and the server restarted
    bash "$here/throwaway-postgres.sh" pause "$database"
    cp "$certs/$1.crt" "$data/server.crt"
    cp "$certs/${2:-$1}.key" "$data/server.key"
    cp "$certs/ca.crt" "$data/ca.crt"
    [ "$(id -u)" = 0 ] && chown postgres "$data/server.crt" "$data/server.key" "$data/ca.crt"
    chmod 600 "$data/server.key"
    bash "$here/throwaway-postgres.sh" resume "$database"
}
cat >>"$data/postgresql.conf" <<EOF
ssl = on
ssl_cert_file = 'server.crt'
ssl_key_file = 'server.key'
ssl_ca_file = 'ca.crt'
EOF
cat >"$data/pg_hba.conf" <<EOF
local all all trust
hostssl all certified 127.0.0.1/32 trust clientcert=verify-ca
hostssl all postgres 127.0.0.1/32 trust
hostnossl all all 127.0.0.1/32 reject
EOF
serve server
bash "$here/throwaway-postgres.sh" psql "$database" postgres "CREATE ROLE certified LOGIN SUPERUSER" >/dev/null
bash "$here/throwaway-postgres.sh" createdb "$database" team

# ylytic list on the ledger at ADDRESS: its exit status; what it said is in $work/said.
open_ledger() { # ADDRESS [VAR=VALUE…]
    local address=$1
    shift
    (cd "$certs" && env -i PATH="$PATH" HOME="$work/home" XDG_STATE_HOME="$work/state" LANG=C.UTF-8 "$@" \
        "$binary" list --store "$address") >"$work/said" 2>&1 && echo 0 || echo $?
}
said() { tr '\n' ' ' <"$work/said"; }
url="postgresql://postgres@127.0.0.1:$port/team"
connects() { # DESCRIPTION ADDRESS [VAR=VALUE…]
    local status
    status="$(open_ledger "${@:2}")"
    [ "$status" = 0 ] && pass "$1" || fail "$1 (exit $status: $(said))"
}
refused() { # DESCRIPTION WORDS ADDRESS [VAR=VALUE…]: exit 4 (2 with REFUSED_STATUS=2), saying WORDS
    local status
    status="$(open_ledger "${@:3}")"
    if [ "$status" = "${REFUSED_STATUS:-4}" ] && grep -qF -- "$2" "$work/said" && ! grep -qiE "boringssl|\.build|OPENSSL_internal" "$work/said"; then
        pass "$1"
    else
        fail "$1: wanted exit ${REFUSED_STATUS:-4} and '$2' (exit $status: $(said))"
    fi
}

# 1. Every mode that encrypts connects to a server whose authority it is given.
refused "sslmode=disable is turned away by a server that wants TLS" "PostgreSQL said" "$url?sslmode=disable"
connects "sslmode=require connects without an authority" "$url?sslmode=require"
connects "verify-ca connects with the test authority as sslrootcert" "$url?sslmode=verify-ca&sslrootcert=ca.crt"
connects "verify-full connects to 127.0.0.1, a name the certificate has" "$url?sslmode=verify-full&sslrootcert=ca.crt"
connects "verify-full connects to localhost, a name the certificate has" \
    "postgresql://postgres@localhost:$port/team?sslmode=verify-full&sslrootcert=ca.crt"
connects "PGSSLROOTCERT names the authority" "$url?sslmode=verify-full" PGSSLROOTCERT="$certs/ca.crt"
mkdir -p "$work/home/.postgresql"
cp ca.crt "$work/home/.postgresql/root.crt"
connects "~/.postgresql/root.crt is read when nothing else names an authority" "$url?sslmode=verify-full"
rm "$work/home/.postgresql/root.crt"

# 2. What is refused says why, and what to change.
refused "an authority the system does not trust is named, with the setting that fixes it" \
    'signed by "ylytic test CA", an authority this system does not trust: give that authority' "$url?sslmode=verify-ca"
refused "an authority other than the one given is refused naming the file" \
    "an authority not in other-ca.crt (sslrootcert)" "$url?sslmode=verify-ca&sslrootcert=other-ca.crt"
cp other-ca.crt "$work/home/.postgresql/root.crt"
refused "with a root certificate file there, require checks the certificate as libpq does" \
    "an authority not in $work/home/.postgresql/root.crt" "$url?sslmode=require"
rm "$work/home/.postgresql/root.crt"
REFUSED_STATUS=2 refused "a root certificate file that is not there is named" "there is no file nowhere.crt (sslrootcert)" \
    "$url?sslmode=verify-ca&sslrootcert=nowhere.crt"

serve elsewhere
refused "a certificate for another host is refused under verify-full, naming its names" \
    "the server's certificate is for db.example.com, not 127.0.0.1" "$url?sslmode=verify-full&sslrootcert=ca.crt"
connects "verify-ca accepts it: the certificate is checked, not its name" "$url?sslmode=verify-ca&sslrootcert=ca.crt"

serve expired server
refused "an expired certificate is refused with the day it expired" \
    "the server's certificate expired on 2020-02-01: the server needs a new one" \
    "$url?sslmode=verify-ca&sslrootcert=ca.crt"
serve server

# 3. A client certificate, for a server that asks for one.
certified="postgresql://certified@127.0.0.1:$port/team?sslmode=verify-full&sslrootcert=ca.crt"
connects "a client certificate and its key are shown" "$certified&sslcert=client.crt&sslkey=client.key"
refused "without one the server's refusal is said" "PostgreSQL said: connection requires a valid client certificate" "$certified"
cp client.crt "$work/home/.postgresql/postgresql.crt"
cp client.key "$work/home/.postgresql/postgresql.key"
connects "~/.postgresql/postgresql.crt and .key are read by default" "$certified"
chmod 644 "$work/home/.postgresql/postgresql.key"
status="$(open_ledger "$certified")"
[ "$status" = 2 ] && grep -qF "can be read by others: make it yours only (chmod 600" "$work/said" \
    && pass "a key others may read is refused with the command that fixes it" \
    || fail "a key others may read (exit $status: $(said))"

echo "ledger TLS: $passed passed, $failed failed"
[ "$failed" = 0 ]
