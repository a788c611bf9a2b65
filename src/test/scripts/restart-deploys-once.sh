#!/usr/bin/env bash
# README command 1 started twice in a row deploys the WAR once each time and stops cleanly on Ctrl-C: runs
# `mvn -DskipTests wildfly:run` on this project (its own port and a throwaway data directory), waits until the
# plugin's deployment is done and the application answers, checks in the server's output that paper-trader.war was
# started once and not replaced (the second run finds the deployment the first one left in the configuration), then
# sends SIGINT to the process group as a terminal's Ctrl-C does and checks that Maven and WildFly are gone within a
# minute. Needs: mvn, curl.
set -euo pipefail
if [ "${1:-false}" = "true" ]; then echo "restart-deploys-once: skipped (it.wildfly-only)"; exit 0; fi
cd "$(dirname "$0")/../../.."
set -m  # background jobs get their own process group and, unlike without job control, do not ignore SIGINT

work=$(mktemp -d)
port=8280
url="http://127.0.0.1:$port/api/status"

run() {
    local log="$work/run-$1.log"
    mvn -B -ntp -DskipTests -Dcheckstyle.skip -Dhttp.port=$port -Dpapertrader.data-dir="$work/data" wildfly:run > "$log" 2>&1 &
    local pgid=$!
    local up=""
    for _ in $(seq 1 240); do
        # done when the plugin's own deployment (through the management interface) is: a deployment left in the
        # configuration would have booted before it and be replaced now
        if curl -fs "$url" > /dev/null 2>&1 && grep -Eq 'management-handler-thread.*(WFLYSRV0010: Deployed|WFLYSRV0016: Replaced deployment)' "$log"
        then up=yes; break; fi
        sleep 1
    done
    [ -n "$up" ] || { echo "restart-deploys-once: run $1 did not come up; log: $log"; tail -40 "$log"; kill -KILL -- -"$pgid" || true; exit 1; }
    local started deployed replaced
    started=$(grep -c 'WFLYSRV0027: Starting deployment of "paper-trader.war"' "$log" || true)
    deployed=$(grep -c 'WFLYSRV0010: Deployed "paper-trader.war"' "$log" || true)
    replaced=$(grep -c 'WFLYSRV0016: Replaced deployment' "$log" || true)
    kill -INT -- -"$pgid"
    local gone=""
    for _ in $(seq 1 60); do
        if ! kill -0 -- -"$pgid" 2> /dev/null; then gone=yes; break; fi
        sleep 1
    done
    [ -n "$gone" ] || { echo "restart-deploys-once: run $1 still running a minute after Ctrl-C; log: $log"; kill -KILL -- -"$pgid" || true; exit 1; }
    if [ "$started" != 1 ] || [ "$deployed" != 1 ] || [ "$replaced" != 0 ]; then
        echo "restart-deploys-once: run $1 started the WAR $started times, deployed it $deployed times, replaced it $replaced times; log: $log"
        exit 1
    fi
    grep -q 'WFLYSRV0050' "$log" || { echo "restart-deploys-once: run $1 ended without WildFly's stop message; log: $log"; exit 1; }
    echo "restart-deploys-once: run $1 deployed once and stopped on SIGINT"
}

run 1
run 2
rm -rf "$work"
