#!/usr/bin/env bash
# A throwaway PostgreSQL server for tests, on a private port on 127.0.0.1 with its socket in its own folder.
#   throwaway-postgres.sh start FOLDER     creates FOLDER, starts a server there, prints its port
#   throwaway-postgres.sh pause FOLDER     stops the server, keeping its data
#   throwaway-postgres.sh resume FOLDER    starts it again on the same port
#   throwaway-postgres.sh freeze FOLDER    suspends every process of the server (SIGSTOP): connections stay open
#                                           and nothing answers, as with a server cut off
#   throwaway-postgres.sh thaw FOLDER      lets them go on (SIGCONT)
#   throwaway-postgres.sh stop FOLDER      stops it and removes FOLDER
#   throwaway-postgres.sh createdb FOLDER NAME   creates a database
#   throwaway-postgres.sh psql FOLDER NAME SQL   runs SQL in a database, printing rows unaligned
# The server trusts local connections (user postgres). As root it runs as the postgres system user, since initdb
# refuses root. YLYTIC_PG_BIN overrides where initdb and pg_ctl are looked for.
set -euo pipefail

bin="${YLYTIC_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)}"
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
    echo "PostgreSQL is not installed: the ledger tests start their own server with initdb and pg_ctl." >&2
    echo "On Debian or Ubuntu: apt-get install postgresql (.ci/run does it); elsewhere set YLYTIC_PG_BIN." >&2
    exit 3
fi

as_owner() {
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_on() {
    local folder=$1 port=$2
    as_owner "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 60 \
        -o "-p $port -k $folder -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null
}

command=${1:-}
folder=${2:-}
[ -n "$folder" ] || { echo "usage: $0 start|pause|resume|freeze|thaw|stop FOLDER" >&2; exit 2; }
case "$command" in
start)
    mkdir -p "$folder"
    [ "$(id -u)" = 0 ] && chown postgres "$folder"
    if ! as_owner "$bin/initdb" -D "$folder/data" -A trust -U postgres --no-sync -E UTF8 --no-locale \
        >"$folder/initdb.log" 2>&1; then
        cat "$folder/initdb.log" >&2
        exit 1
    fi
    # Below the range the kernel hands out to outgoing connections, so that no client's own end can hold the port
    # while the server is paused and keep it from starting again.
    read -r ephemeral_low _ </proc/sys/net/ipv4/ip_local_port_range
    span=$((ephemeral_low > 12000 ? ephemeral_low - 10000 : 2000))
    for _ in 1 2 3 4 5 6 7 8 9 10; do
        port=$((10000 + RANDOM % span))
        if start_on "$folder" "$port"; then
            echo "$port" >"$folder/port"
            echo "$port"
            exit 0
        fi
    done
    cat "$folder/server.log" >&2
    exit 1
    ;;
pause)
    as_owner "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null
    ;;
resume)
    # Another program can hold the port for a moment while the server is away: tried again for half a minute.
    for _ in $(seq 30); do
        start_on "$folder" "$(cat "$folder/port")" 2>/dev/null && exit 0
        sleep 1
    done
    start_on "$folder" "$(cat "$folder/port")"
    ;;
freeze | thaw)
    postmaster="$(head -n 1 "$folder/data/postmaster.pid")"
    signal=STOP
    [ "$command" = thaw ] && signal=CONT
    # shellcheck disable=SC2046 # the server's children, one word each
    kill -"$signal" "$postmaster" $(pgrep -P "$postmaster")
    ;;
createdb)
    "$bin/createdb" -h 127.0.0.1 -p "$(cat "$folder/port")" -U postgres "${3:?a database name}"
    ;;
psql)
    "$bin/psql" -h 127.0.0.1 -p "$(cat "$folder/port")" -U postgres -d "${3:?a database name}" -v ON_ERROR_STOP=1 -At \
        -c "${4:?SQL}"
    ;;
stop)
    # A frozen server would not stop.
    if [ -f "$folder/data/postmaster.pid" ]; then
        postmaster="$(head -n 1 "$folder/data/postmaster.pid")"
        # shellcheck disable=SC2046
        kill -CONT "$postmaster" $(pgrep -P "$postmaster") 2>/dev/null || true
    fi
    as_owner "$bin/pg_ctl" -D "$folder/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$folder"
    ;;
*)
    echo "usage: $0 start|pause|resume|stop FOLDER" >&2
    exit 2
    ;;
esac
