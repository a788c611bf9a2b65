# Sourced by the script tests (kill9-recovery.sh, failover.sh, database-outage.sh): copies of the WildFly that
# `mvn verify` unpacked, each with the WAR it built, started in a process group of their own so that a kill reaches
# the whole server. The caller sets $work (a temporary directory) and runs from the project's directory.
declare -A server_offset=() server_pgid=()

# server_copy NAME PORT_OFFSET: $work/NAME, deploying the WAR from deployments/ only
server_copy() {
    local wildfly
    wildfly=$(ls -d target/wildfly-*/ 2>/dev/null | head -1)
    [ -f target/paper-trader.war ] && [ -n "$wildfly" ] || { echo "run mvn verify first (no target/paper-trader.war or target/wildfly-*)"; exit 1; }
    cp -r "$wildfly" "$work/$1"
    # a deployment `mvn wildfly:run` left in the copied configuration would deploy the WAR twice
    sed -i '/<deployments>/,/<\/deployments>/d' "$work/$1/standalone/configuration/standalone.xml"
    cp target/paper-trader.war "$work/$1/standalone/deployments/"
    server_offset[$1]=$2
}

# server_url NAME PATH
server_url() {
    echo "http://127.0.0.1:$((8080 + ${server_offset[$1]}))$2"
}

# server_start NAME LOG [VARIABLE=value ...] -- [-Dproperty=value ...]: the server's output goes to $work/LOG;
# returns once PATH /health answers at all (UP or DOWN), or fails after two minutes
server_start() {
    local name=$1 log=$2 variables=()
    shift 2
    while [ "$1" != "--" ]; do variables+=("$1"); shift; done
    shift
    env "${variables[@]}" setsid "$work/$name/bin/standalone.sh" -Djboss.socket.binding.port-offset="${server_offset[$name]}" \
        "$@" > "$work/$log" 2>&1 &
    server_pgid[$name]=$!
    for _ in $(seq 1 120); do
        case "$(curl -s -o /dev/null -w '%{http_code}' "$(server_url "$name" /health)")" in 200|503) return 0 ;; esac
        sleep 1
    done
    echo "the server $name did not start; log: $work/$log"; tail -30 "$work/$log"; exit 1
}

# server_stop NAME SIGNAL: TERM (a clean stop, KILL after a minute) or KILL
server_stop() {
    local group=${server_pgid[$1]:-}
    [ -n "$group" ] || return 0
    kill "-$2" -- "-$group" 2>/dev/null || true
    for _ in $(seq 1 60); do
        kill -0 -- "-$group" 2>/dev/null || { unset "server_pgid[$1]"; return 0; }
        sleep 1
    done
    kill -KILL -- "-$group" 2>/dev/null || true
    unset "server_pgid[$1]"
}

server_stop_all() {
    for name in "${!server_pgid[@]}"; do server_stop "$name" KILL; done
}
