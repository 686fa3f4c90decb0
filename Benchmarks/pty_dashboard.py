"""The dashboard in a pseudo-terminal, for the benchmarks that measure it as a person's terminal sees it:
start it, read what it draws, and read its CPU time and wake-ups from /proc."""
import fcntl, os, pty, select, struct, termios, time

TICK = os.sysconf("SC_CLK_TCK")


def spawn(binary, arguments, env, rows=40, columns=120):
    """Starts `binary arguments` in a pseudo-terminal of the given size; returns its pid and the terminal."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(binary, [binary] + arguments, env)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    return pid, fd


def read_for(fd, seconds, until=None):
    """What the program draws for `seconds`, or until `until` appears in it."""
    data, deadline = b"", time.time() + seconds
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0, deadline - time.time()))
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        data += chunk
        if until and until in data:
            break
    return data


def cpu_seconds(pid):
    """User and system CPU time of the process so far."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def wakeups(pid):
    """Voluntary context switches of all the process's threads so far."""
    total = 0
    for task in os.listdir(f"/proc/{pid}/task"):
        for line in open(f"/proc/{pid}/task/{task}/status"):
            if line.startswith("voluntary_ctxt_switches"):
                total += int(line.split()[1])
    return total


def quit(pid, fd):
    """Presses q and waits for the program to end."""
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
