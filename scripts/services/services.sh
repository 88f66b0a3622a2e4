#!/usr/bin/env bash
# Wholesail test services on loopback: PostgreSQL, Apache Kafka (KRaft), stripe-mock.
# Installs what is missing, starts, health-checks, stops. See scripts/services/README.md.
#
#   services.sh start [postgres|kafka|stripe ...]   install if missing, start if not running, wait until ready,
#                                                   write .cache/services/env and print it
#   services.sh stop [postgres|kafka|stripe ...]    stop (safe when not running)
#   services.sh status [service ...]                up/down per service (exit 3 if any is down)
#   services.sh restart [service ...]               stop then start, keeping data (e.g. `restart kafka`)
#   services.sh reset postgres                      drop and recreate the empty `wholesail` database
#   services.sh createdb NAME | dropdb NAME         extra database owned by wholesail (idempotent)
#   services.sh env                                 print the env lines of the running services
set -Eeuo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd -P)
CACHE=$REPO_ROOT/.cache
SVC=$CACHE/services
ENV_FILE=$SVC/env
ME=services.sh
ALL_SERVICES=(postgres kafka stripe)

# ---- pinned versions and ports ---------------------------------------------------------------------------------
# The cluster name and port are machine-wide, so each checkout gets its own cluster (named by a hash of its path):
# two clones on one machine (a developer's and CI's) never share, stop or refuse each other's cluster.
PG_CLUSTER=wholesail_$(printf '%s' "$REPO_ROOT" | sha256sum | cut -c1-8)
PG_PORT_BASE=54329                             # first port tried for a new cluster; see pg_resolve_port
PG_PORT=$PG_PORT_BASE
PG_USER=wholesail
PG_PASSWORD=wholesail
PG_DB=wholesail
PG_DATA=$SVC/pg/data
PG_LOG=$SVC/postgres.log

KAFKA_PORT=59092
KAFKA_CONTROLLER_PORT=59093
KAFKA_POM=$SCRIPT_DIR/kafka/pom.xml            # pins the Kafka version (kafka.version property)
KAFKA_LIBS=$CACHE/kafka/libs
KAFKA_DIR=$SVC/kafka
KAFKA_DATA=$KAFKA_DIR/data
KAFKA_PID=$KAFKA_DIR/kafka.pid
KAFKA_LOG=$SVC/kafka.log                       # broker log (log4j2)
KAFKA_CONSOLE_LOG=$SVC/kafka-console.log       # JVM stdout/stderr
KAFKA_JAVA_OPTS=${KAFKA_JAVA_OPTS:--Xms256m -Xmx512m}

STRIPE_PORT=12111
STRIPE_HTTPS_PORT=12112                        # stripe-mock also serves HTTPS; bound explicitly to loopback
STRIPE_MOCK_VERSION=${STRIPE_MOCK_VERSION:-v0.203.0}
STRIPE_BIN=$CACHE/bin/stripe-mock
STRIPE_DIR=$SVC/stripe
STRIPE_PID=$STRIPE_DIR/stripe-mock.pid
STRIPE_LOG=$SVC/stripe.log
GO_FALLBACK_TOOLCHAIN=go1.26.11                # fetched from the Go module proxy only when no usable `go` exists

PG_TIMEOUT=${PG_TIMEOUT:-60}
KAFKA_TIMEOUT=${KAFKA_TIMEOUT:-90}
STRIPE_TIMEOUT=${STRIPE_TIMEOUT:-30}
LOCK_TIMEOUT=${LOCK_TIMEOUT:-600}

CUR=main                                       # service being worked on (for messages)

# ---- helpers ---------------------------------------------------------------------------------------------------
log() { echo "[$ME $CUR] $*" >&2; }
setup_log() { echo "$SVC/$CUR-setup.log"; }

# fail "reason" [logfile]: print the tail of the log, then one line naming service and reason; exit 1.
fail() {
  local reason=$1 logf=${2:-}
  if [[ -n $logf && -s $logf ]]; then tail -n 8 "$logf" | sed 's/^/  | /' >&2; fi
  echo "$ME: $CUR: $reason${logf:+ (log: $logf)}" >&2
  exit 1
}
trap 'rc=$?; echo "$ME: $CUR: command failed (exit $rc): $BASH_COMMAND" >&2; exit $rc' ERR

# run CMD...: run quietly (output appended to the service's setup log); on failure name the command.
# fd 9 (the lock) is closed so no daemon started underneath can inherit the lock.
run() {
  local logf; logf=$(setup_log)
  echo "+ $*" >>"$logf"
  "$@" >>"$logf" 2>&1 9>&- </dev/null || fail "'$*' failed (exit $?)" "$logf"
}

as_root() { if [[ $EUID -eq 0 ]]; then "$@"; else sudo -n "$@"; fi; }
as_postgres() { if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }

APT_UPDATED=0
apt_install() {
  log "apt-get install $*"
  # a separate lock: services install in parallel and apt/dpkg allow one writer at a time
  if [[ $APT_UPDATED == 0 ]]; then
    run as_root flock "$SVC/.apt.lock" env DEBIAN_FRONTEND=noninteractive apt-get update
    APT_UPDATED=1
  fi
  run as_root flock "$SVC/.apt.lock" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# pid_alive PIDFILE STRING: prints the pid if the process in PIDFILE is alive and its command line contains STRING
# (a path inside this checkout, so it only ever matches our own processes). If the pid file is missing or stale
# (e.g. .cache was deleted under a running service), look for such a process and repair the pid file.
pid_alive() {
  local pid f cmd
  if [[ -s $1 ]]; then
    pid=$(<"$1")
    if [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]]; then
      cmd=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || cmd=
      if [[ $cmd == *"$2"* ]]; then echo "$pid"; return 0; fi
    fi
  fi
  for f in /proc/[0-9]*/cmdline; do
    cmd=$(tr '\0' ' ' 2>/dev/null <"$f") || continue
    if [[ $cmd == *"$2"* && $cmd != *bash\ -c* ]]; then
      pid=${f#/proc/}; pid=${pid%/cmdline}
      mkdir -p "${1%/*}" && echo "$pid" >"$1"
      echo "$pid"; return 0
    fi
  done
  return 1
}

# daemonize PIDFILE LOGFILE CMD...: start CMD in its own session (survives the caller), without the lock fd.
daemonize() {
  local pidfile=$1 logfile=$2; shift 2
  rm -f "$pidfile"
  # shellcheck disable=SC2016 # expanded by the inner bash
  setsid bash -c 'cd "${0%/*}" && echo $$ >"$0" && exec "$@"' "$pidfile" "$@" >>"$logfile" 2>&1 </dev/null 9>&- &
  local i
  for i in $(seq 1 50); do [[ -s $pidfile ]] && return 0; sleep 0.1; done
  fail "could not start '$1'"
}

# stop_pid PIDFILE PATTERN GRACE_SECONDS
stop_pid() {
  local pid i
  if pid=$(pid_alive "$1" "$2"); then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 $(($3 * 10))); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "did not stop within $3 s; killing pid $pid"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
    fi
    log "stopped (pid $pid)"
  else
    log "not running"
  fi
  rm -f "$1"
}

# ---- PostgreSQL ------------------------------------------------------------------------------------------------
pg_version() {
  # the version of an existing `wholesail` cluster, else the newest installed server
  local v
  v=$(pg_lsclusters -h 2>/dev/null | awk -v c="$PG_CLUSTER" '$2 == c { print $1; exit }') || true
  if [[ -z $v ]]; then
    # shellcheck disable=SC2012 # directory names are versions
    v=$(ls -1 /usr/lib/postgresql 2>/dev/null | sort -V | while read -r d; do
          [[ -x /usr/lib/postgresql/$d/bin/postgres ]] && echo "$d"; done | tail -n 1) || true
  fi
  echo "$v"
}
# pg_resolve_port: the port of this checkout's cluster when it exists, else the first port from PG_PORT_BASE that
# no other cluster is configured for and nothing listens on.
pg_resolve_port() {
  command -v pg_lsclusters >/dev/null || return 0
  local mine used p
  mine=$(pg_lsclusters -h 2>/dev/null | awk -v c="$PG_CLUSTER" '$2 == c { print $3; exit }') || true
  if [[ -n $mine ]]; then PG_PORT=$mine; return 0; fi
  used=" $(pg_lsclusters -h 2>/dev/null | awk '{ printf "%s ", $3 }') " || used=" "
  for ((p = PG_PORT_BASE; p < PG_PORT_BASE + 100; p++)); do
    if [[ $used != *" $p "* ]] && ! port_open "$p"; then PG_PORT=$p; return 0; fi
  done
  CUR=postgres; fail "no free port in $PG_PORT_BASE-$((PG_PORT_BASE + 99)) for a new cluster"
}
pg_online() {
  local v; v=$(pg_version); [[ -n $v ]] || return 1
  pg_lsclusters -h "$v" "$PG_CLUSTER" 2>/dev/null | awk '{ exit !($4 == "online") }'
}
pg_url() { echo "postgres://$PG_USER:$PG_PASSWORD@127.0.0.1:$PG_PORT/${1:-$PG_DB}"; }
pg_su_sql() { as_postgres psql -X -q -v ON_ERROR_STOP=1 -p "$PG_PORT" -d postgres -tA "$@"; }

start_postgres() {
  CUR=postgres
  if ! command -v pg_ctlcluster >/dev/null || [[ -z $(pg_version) ]]; then apt_install postgresql; fi
  local v; v=$(pg_version)
  [[ -n $v ]] || fail "no PostgreSQL server found under /usr/lib/postgresql after installing"
  pg_resolve_port

  if ! pg_online; then
    local conf=/etc/postgresql/$v/$PG_CLUSTER data
    if [[ -f $conf/postgresql.conf ]]; then
      data=$(pg_lsclusters -h "$v" "$PG_CLUSTER" | awk '{ print $6 }')
      if [[ $data != "$PG_DATA" || ! -f $data/PG_VERSION ]]; then
        # ours by name, so a leftover of this path (e.g. .cache deleted): recreate it empty
        log "cluster $v/$PG_CLUSTER has no usable data directory ($data); recreating it"
        run as_root pg_dropcluster --stop "$v" "$PG_CLUSTER"
        pg_resolve_port
      fi
    fi
    if [[ ! -f /etc/postgresql/$v/$PG_CLUSTER/postgresql.conf ]]; then
      log "creating cluster $v/$PG_CLUSTER in $PG_DATA"
      mkdir -p "$SVC/pg"
      as_root chown postgres:postgres "$SVC/pg"
      chmod 700 "$SVC/pg"
      as_postgres test -w "$SVC/pg" || fail "user postgres cannot write to $SVC/pg (check permissions of the directories above it)"
      touch "$PG_LOG"; as_root chown postgres:postgres "$PG_LOG"
      run as_root pg_createcluster "$v" "$PG_CLUSTER" --port="$PG_PORT" --datadir="$PG_DATA" --logfile="$PG_LOG" \
        --start-conf=manual -- --encoding=UTF8 --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256
    fi
    # Settings go to conf.d (included by Debian's postgresql.conf), rewritten on each start. Not `pg_createcluster
    # -o`: Debian's quoting leaves 127.0.0.1 unquoted (it looks like a number) and the server rejects the file.
    as_root tee "/etc/postgresql/$v/$PG_CLUSTER/conf.d/50-wholesail.conf" >/dev/null <<EOF
# generated by scripts/services/services.sh - test settings, loopback only, durability off
listen_addresses = '127.0.0.1'
port = $PG_PORT
max_connections = 200
shared_buffers = 256MB
fsync = off
synchronous_commit = off
full_page_writes = off
EOF
    log "starting cluster $v/$PG_CLUSTER on 127.0.0.1:$PG_PORT"
    run as_root pg_ctlcluster "$v" "$PG_CLUSTER" start
  fi

  local deadline=$((SECONDS + PG_TIMEOUT))
  until pg_isready -q -h 127.0.0.1 -p "$PG_PORT"; do
    ((SECONDS < deadline)) || fail "not ready after ${PG_TIMEOUT}s ('pg_isready -h 127.0.0.1 -p $PG_PORT')" "$PG_LOG"
    sleep 0.3
  done

  # role and database (idempotent, cheap)
  run pg_su_sql -c "DO \$\$ BEGIN
      IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$PG_USER') THEN
        CREATE ROLE $PG_USER LOGIN CREATEDB PASSWORD '$PG_PASSWORD';
      END IF; END \$\$;"
  if [[ -z $(pg_su_sql -c "SELECT 1 FROM pg_database WHERE datname = '$PG_DB'" 9>&-) ]]; then
    run pg_su_sql -c "CREATE DATABASE $PG_DB OWNER $PG_USER"
  fi
  PGPASSWORD=$PG_PASSWORD psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U "$PG_USER" -d "$PG_DB" -tAc 'SELECT 1' >/dev/null 2>>"$(setup_log)" \
    || fail "cannot log in as $PG_USER ('psql $(pg_url)')" "$(setup_log)"
  log "ready: $(pg_url)"
}

stop_postgres() {
  CUR=postgres
  local v; v=$(pg_version)
  if [[ -n $v ]] && pg_online; then
    run as_root pg_ctlcluster "$v" "$PG_CLUSTER" stop -m fast
    log "stopped"
  else
    log "not running"
  fi
}

pg_require_running() {
  CUR=postgres
  if ! is_up postgres; then fail "not running; run '$ME start postgres' first"; fi
}
valid_db_name() { [[ $1 =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || { CUR=postgres; fail "invalid database name '$1' (use [a-z_][a-z0-9_]*)"; }; }

reset_postgres() {
  pg_require_running
  run pg_su_sql -c "DROP DATABASE IF EXISTS $PG_DB WITH (FORCE)"
  run pg_su_sql -c "CREATE DATABASE $PG_DB OWNER $PG_USER"
  log "database $PG_DB recreated (empty)"
}

create_db() {
  valid_db_name "$1"; pg_require_running
  if [[ -z $(pg_su_sql -c "SELECT 1 FROM pg_database WHERE datname = '$1'" 9>&-) ]]; then
    run pg_su_sql -c "CREATE DATABASE $1 OWNER $PG_USER"
    log "database $1 created"
  fi
  pg_url "$1"
}

drop_db() {
  valid_db_name "$1"; pg_require_running
  [[ $1 != "$PG_DB" ]] || fail "refusing to drop $PG_DB; use '$ME reset postgres'"
  run pg_su_sql -c "DROP DATABASE IF EXISTS $1 WITH (FORCE)"
  log "database $1 dropped"
}

# ---- Kafka -----------------------------------------------------------------------------------------------------
kafka_version() { sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$KAFKA_POM"; }
KAFKA_MATCH="kafka.Kafka $KAFKA_DIR/server.properties"
kafka_running() { pid_alive "$KAFKA_PID" "$KAFKA_MATCH" >/dev/null; }
kafka_java() { java -cp "$KAFKA_LIBS/*" "$@"; }

ensure_java() {
  local major=0
  if command -v java >/dev/null; then
    major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  fi
  if ((${major:-0} < 17)) || ! command -v mvn >/dev/null; then apt_install openjdk-17-jre-headless maven; fi
}

install_kafka() {
  local stamp; stamp=$(sha256sum "$KAFKA_POM" | cut -c1-64)
  if [[ -f $KAFKA_LIBS/.pom.sha256 && $(<"$KAFKA_LIBS/.pom.sha256") == "$stamp" ]]; then return 0; fi
  log "resolving Kafka $(kafka_version) jars from Maven Central into $KAFKA_LIBS"
  local tmp=$KAFKA_LIBS.tmp.$$
  rm -rf "$tmp"
  run mvn -B -q -f "$KAFKA_POM" ${MAVEN_REPO_LOCAL:+-Dmaven.repo.local=$MAVEN_REPO_LOCAL} \
    dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$tmp"
  ls "$tmp"/kafka_2.13-*.jar >/dev/null 2>&1 || fail "kafka_2.13 jar missing after 'mvn dependency:copy-dependencies'" "$(setup_log)"
  echo "$stamp" >"$tmp/.pom.sha256"
  rm -rf "$KAFKA_LIBS"
  mv "$tmp" "$KAFKA_LIBS"
}

write_kafka_config() {
  mkdir -p "$KAFKA_DIR"
  cat >"$KAFKA_DIR/server.properties.tmp" <<EOF
# generated by scripts/services/services.sh - single combined broker+controller (KRaft), loopback only
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$KAFKA_DATA
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=3
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
auto.create.topics.enable=true
delete.topic.enable=true
group.initial.rebalance.delay.ms=0
log.retention.hours=24
EOF
  mv "$KAFKA_DIR/server.properties.tmp" "$KAFKA_DIR/server.properties"
  cat >"$KAFKA_DIR/log4j2.properties" <<EOF
status = warn
appender.file.type = File
appender.file.name = FILE
appender.file.fileName = $KAFKA_LOG
appender.file.layout.type = PatternLayout
appender.file.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.file.ref = FILE
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
logger.controller.name = org.apache.kafka.controller
logger.controller.level = INFO
EOF
  # the command-line tools used for health checks log warnings to stderr only
  cat >"$KAFKA_DIR/tools-log4j2.properties" <<EOF
status = error
appender.err.type = Console
appender.err.name = STDERR
appender.err.target = SYSTEM_ERR
appender.err.layout.type = PatternLayout
appender.err.layout.pattern = %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.err.ref = STDERR
EOF
}

kafka_metadata_ok() {
  timeout 30 java -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.properties" -cp "$KAFKA_LIBS/*" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$KAFKA_PORT" --list \
    >>"$(setup_log)" 2>&1 9>&- </dev/null
}

start_kafka() {
  CUR=kafka
  ensure_java
  install_kafka
  if ! kafka_running; then
    write_kafka_config
    if [[ ! -f $KAFKA_DATA/meta.properties ]]; then
      [[ -s $KAFKA_DIR/cluster.id ]] || kafka_java kafka.tools.StorageTool random-uuid 2>>"$(setup_log)" 9>&- >"$KAFKA_DIR/cluster.id"
      log "formatting storage in $KAFKA_DATA (cluster id $(<"$KAFKA_DIR/cluster.id"))"
      run java -Dlog4j2.configurationFile="$KAFKA_DIR/tools-log4j2.properties" -cp "$KAFKA_LIBS/*" \
        kafka.tools.StorageTool format -t "$(<"$KAFKA_DIR/cluster.id")" -c "$KAFKA_DIR/server.properties" \
        --standalone --ignore-formatted
    fi
    local p
    for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
      ! port_open "$p" || fail "port 127.0.0.1:$p is already in use by another process"
    done
    log "starting broker $(kafka_version) on 127.0.0.1:$KAFKA_PORT"
    [[ ! -s $KAFKA_CONSOLE_LOG ]] || mv -f "$KAFKA_CONSOLE_LOG" "$KAFKA_CONSOLE_LOG.1"
    # shellcheck disable=SC2086
    daemonize "$KAFKA_PID" "$KAFKA_CONSOLE_LOG" java $KAFKA_JAVA_OPTS -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$KAFKA_DIR/log4j2.properties" -Dkafka.logs.dir="$SVC" \
      -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_DIR/server.properties"
  fi

  local deadline=$((SECONDS + KAFKA_TIMEOUT))
  until port_open "$KAFKA_PORT" && kafka_metadata_ok; do
    if ! kafka_running; then
      # a JVM that dies before logging is set up (bad option, no memory) only writes to the console log
      if [[ -s $KAFKA_CONSOLE_LOG ]]; then fail "broker exited during startup" "$KAFKA_CONSOLE_LOG"; fi
      fail "broker exited during startup" "$KAFKA_LOG"
    fi
    ((SECONDS < deadline)) || fail "not ready after ${KAFKA_TIMEOUT}s ('TopicCommand --bootstrap-server 127.0.0.1:$KAFKA_PORT --list')" "$KAFKA_LOG"
    sleep 0.5
  done
  log "ready: 127.0.0.1:$KAFKA_PORT (pid $(<"$KAFKA_PID"))"
}

stop_kafka() { CUR=kafka; stop_pid "$KAFKA_PID" "$KAFKA_MATCH" 60; }

# ---- stripe-mock -----------------------------------------------------------------------------------------------
STRIPE_MATCH="$STRIPE_BIN -http-addr"
stripe_running() { pid_alive "$STRIPE_PID" "$STRIPE_MATCH" >/dev/null; }
stripe_ok() {
  curl -fsS -o /dev/null --max-time 3 -H 'Authorization: Bearer sk_test_123' "http://127.0.0.1:$STRIPE_PORT/v1/customers" 2>/dev/null
}

find_go() {
  # a `go` >= 1.21 (it fetches a newer toolchain itself if the module asks for one); else a toolchain from the proxy
  local g minor
  for g in ${GO_CANDIDATES:-"$(command -v go || true)" /usr/local/go/bin/go} "$CACHE/go-toolchain/$GO_FALLBACK_TOOLCHAIN/go/bin/go"; do
    [[ -n $g && -x $g ]] || continue
    minor=$("$g" env GOVERSION 2>/dev/null | sed -n 's/^go1\.\([0-9]*\).*/\1/p')
    if ((${minor:-0} >= 21)); then echo "$g"; return 0; fi
  done
  log "no Go >= 1.21 found; fetching $GO_FALLBACK_TOOLCHAIN from the Go module proxy"
  command -v unzip >/dev/null || apt_install unzip
  local dir=$CACHE/go-toolchain/$GO_FALLBACK_TOOLCHAIN zip=$CACHE/go-toolchain/$GO_FALLBACK_TOOLCHAIN.zip
  mkdir -p "$dir"
  run curl -fsSL -o "$zip" "https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-$GO_FALLBACK_TOOLCHAIN.linux-amd64.zip"
  rm -rf "$dir.tmp"
  run unzip -q -d "$dir.tmp" "$zip"
  mv "$dir.tmp/golang.org/toolchain@v0.0.1-$GO_FALLBACK_TOOLCHAIN.linux-amd64" "$dir/go"
  rm -rf "$dir.tmp" "$zip"
  echo "$dir/go/bin/go"
}

install_stripe() {
  if [[ -x $STRIPE_BIN && -f $STRIPE_BIN.version && $(<"$STRIPE_BIN.version") == "$STRIPE_MOCK_VERSION" ]]; then return 0; fi
  local go; go=$(find_go) || exit 1
  log "go install github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION"
  mkdir -p "$CACHE/bin"
  run env GOBIN="$CACHE/bin" GOFLAGS=-modcacherw "$go" install "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION"
  echo "$STRIPE_MOCK_VERSION" >"$STRIPE_BIN.version"
}

start_stripe() {
  CUR=stripe
  install_stripe
  if ! stripe_running; then
    local p
    for p in "$STRIPE_PORT" "$STRIPE_HTTPS_PORT"; do
      ! port_open "$p" || fail "port 127.0.0.1:$p is already in use by another process"
    done
    mkdir -p "$STRIPE_DIR"
    log "starting stripe-mock $STRIPE_MOCK_VERSION on 127.0.0.1:$STRIPE_PORT"
    # -https-addr too: with only -http-addr, stripe-mock still opens its default HTTPS port on all interfaces
    daemonize "$STRIPE_PID" "$STRIPE_LOG" "$STRIPE_BIN" -http-addr "127.0.0.1:$STRIPE_PORT" \
      -https-addr "127.0.0.1:$STRIPE_HTTPS_PORT"
  fi
  local deadline=$((SECONDS + STRIPE_TIMEOUT))
  until stripe_ok; do
    stripe_running || fail "stripe-mock exited during startup" "$STRIPE_LOG"
    ((SECONDS < deadline)) || fail "not ready after ${STRIPE_TIMEOUT}s ('curl http://127.0.0.1:$STRIPE_PORT/v1/customers')" "$STRIPE_LOG"
    sleep 0.2
  done
  log "ready: http://127.0.0.1:$STRIPE_PORT (pid $(<"$STRIPE_PID"))"
}

stop_stripe() { CUR=stripe; stop_pid "$STRIPE_PID" "$STRIPE_MATCH" 10; }

# ---- status and env --------------------------------------------------------------------------------------------
is_up() {
  case $1 in
    postgres) pg_online && pg_isready -q -h 127.0.0.1 -p "$PG_PORT" ;;
    kafka) kafka_running && port_open "$KAFKA_PORT" ;;
    stripe) stripe_running && stripe_ok ;;
  esac
}

env_lines() {
  if is_up postgres; then echo "DATABASE_URL=$(pg_url)"; fi
  if is_up kafka; then echo "KAFKA_BROKERS=127.0.0.1:$KAFKA_PORT"; fi
  if is_up stripe; then echo "STRIPE_MOCK_URL=http://127.0.0.1:$STRIPE_PORT"; fi
}

write_env() {
  local lines; lines=$(env_lines)
  if [[ -n $lines ]]; then
    echo "$lines" >"$ENV_FILE.tmp.$$"
    mv "$ENV_FILE.tmp.$$" "$ENV_FILE"
  else
    rm -f "$ENV_FILE"
  fi
  [[ -z ${1:-} && -n $lines ]] && echo "$lines"
  return 0
}

status() {
  local s rc=0 detail
  for s in "$@"; do
    if is_up "$s"; then
      case $s in
        postgres) detail="PostgreSQL $(pg_su_sql -c 'SHOW server_version' 2>/dev/null | cut -d' ' -f1), cluster $(pg_version)/$PG_CLUSTER, $(pg_url)" ;;
        kafka) detail="Kafka $(kafka_version), 127.0.0.1:$KAFKA_PORT, pid $(<"$KAFKA_PID")" ;;
        stripe) detail="stripe-mock $(cat "$STRIPE_BIN.version" 2>/dev/null), http://127.0.0.1:$STRIPE_PORT, pid $(<"$STRIPE_PID")" ;;
      esac
      printf '%-9s up    %s\n' "$s" "$detail"
    else
      printf '%-9s down\n' "$s"
      rc=3
    fi
  done
  return $rc
}

# ---- main ------------------------------------------------------------------------------------------------------
usage() {
  sed -n '2,/^set /{/^#/p}' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
  exit 2
}

SERVICES=()
services_from_args() {
  local s
  if (($# == 0)); then SERVICES=("${ALL_SERVICES[@]}"); return; fi
  for s in "$@"; do
    case $s in
      postgres | pg | postgresql) SERVICES+=(postgres) ;;
      kafka) SERVICES+=(kafka) ;;
      stripe | stripe-mock) SERVICES+=(stripe) ;;
      *) echo "$ME: unknown service '$s' (postgres, kafka, stripe)" >&2; exit 2 ;;
    esac
  done
}

prepare_cache() {
  mkdir -p "$SVC"
  # .cache holds downloads, binaries and service data: never commit it
  [[ -f $CACHE/.gitignore ]] || echo '*' >"$CACHE/.gitignore"
}

take_lock() {
  exec 9>"$SVC/.lock"
  if ! flock -n 9; then
    log "waiting for another $ME run to finish (lock $SVC/.lock)"
    flock -w "$LOCK_TIMEOUT" 9 || fail "timed out after ${LOCK_TIMEOUT}s waiting for lock $SVC/.lock"
  fi
}

start_many() {
  local s pids=() names=() failed=() i
  for s in "$@"; do
    ("start_$s") &
    pids+=($!)
    names+=("$s")
  done
  for i in "${!pids[@]}"; do
    wait "${pids[$i]}" || failed+=("${names[$i]}")
  done
  pg_resolve_port   # the subshell that started PostgreSQL may have created the cluster (and chosen its port)
  if ((${#failed[@]})); then
    write_env quiet
    echo "$ME: start failed for: ${failed[*]}" >&2
    exit 1
  fi
  write_env
}

main() {
  local cmd=${1:-}; shift || true
  case $cmd in
    start | stop | restart | status) services_from_args "$@" ;;
  esac
  prepare_cache
  pg_resolve_port
  case $cmd in
    start)
      take_lock
      start_many "${SERVICES[@]}"
      ;;
    stop)
      take_lock
      local s
      for s in "${SERVICES[@]}"; do "stop_$s"; done
      write_env quiet
      ;;
    restart)
      take_lock
      local s
      for s in "${SERVICES[@]}"; do "stop_$s"; done
      start_many "${SERVICES[@]}"
      ;;
    status) status "${SERVICES[@]}" || exit $? ;;
    env) env_lines ;;
    reset)
      [[ ${1:-} == postgres || ${1:-} == pg ]] || { echo "$ME: usage: reset postgres" >&2; exit 2; }
      take_lock
      reset_postgres
      ;;
    createdb | dropdb)
      [[ $# == 1 ]] || { echo "$ME: usage: $cmd NAME" >&2; exit 2; }
      take_lock
      if [[ $cmd == createdb ]]; then create_db "$1"; else drop_db "$1"; fi
      ;;
    -h | --help | help | '') usage ;;
    *) echo "$ME: unknown command '$cmd'" >&2; usage ;;
  esac
}

# sourcing the file (for tests) defines the functions without running anything
if [[ ${BASH_SOURCE[0]} == "$0" ]]; then main "$@"; fi
