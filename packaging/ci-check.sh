#!/usr/bin/env bash
# CI's check of the packages (root needed; .ci/run calls it after the build):
#   packaging/ci-check.sh deb    installs packaging/target/qorgan_*.deb with dpkg -i, verifies its
#                                systemd unit with systemd-analyze, starts the gateway as the
#                                package's user the way the unit does, waits for /readyz, purges
#   packaging/ci-check.sh image  unpacks packaging/target/qorgan-image.tar (an OCI layout) layer by
#                                layer, runs its entrypoint as its user on a read-only root (a tmpfs
#                                on /tmp, the configuration mounted at /etc/qorgan), waits for
#                                /readyz and sends one protected request
# Everything listens on 127.0.0.1 and is stopped at the end.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
jar=$repo/gateway/target/qorgan.jar
sim_port=${SIM_PORT:-18290}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
say() { echo "ci-check: $*"; }
fail() { echo "ci-check: FAILED: $*" >&2; exit 1; }

# dpkg, waiting while another package tool holds the lock (apt on a shared machine).
dpkg_waiting() {
  for _ in $(seq 1 60); do
    if out=$(dpkg "$@" 2>&1); then return 0; fi
    if [[ $out != *"lock"* ]]; then echo "$out" >&2; return 1; fi
    sleep 2
  done
  echo "$out" >&2; return 1
}

wait_ready() { # URL LOG
  for _ in $(seq 1 300); do
    if curl -fs "$1" >/dev/null 2>&1; then return 0; fi
    sleep 0.2
  done
  cat "$2" >&2 || true
  fail "$1 did not answer 200"
}

start_simulator() {
  java -jar "$jar" simulate-ai --host 127.0.0.1 --port "$sim_port" >"$work/sim.log" 2>&1 &
  pids+=($!)
  wait_ready "http://127.0.0.1:$sim_port/v1/models" "$work/sim.log"
}

check_deb() {
  local deb
  deb=$(ls "$repo"/packaging/target/qorgan_*_all.deb)
  command -v systemd-analyze >/dev/null 2>&1 || {
    say "installing systemd for systemd-analyze"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends systemd >/dev/null
  }
  dpkg_waiting --purge qorgan || true
  say "dpkg -i $(basename "$deb")"
  dpkg_waiting -i "$deb" || fail "dpkg -i failed"
  getent passwd qorgan >/dev/null || fail "no user qorgan after install"
  [[ $(stat -c %U /var/lib/qorgan) == qorgan ]] || fail "/var/lib/qorgan is not the service user's"
  say "systemd-analyze verify qorgan.service"
  systemd-analyze verify /lib/systemd/system/qorgan.service
  grep -q '^User=qorgan$' /lib/systemd/system/qorgan.service || fail "the unit does not run as qorgan"

  # The installed configuration, with ports free for CI and both upstreams on the simulator.
  sed -i -e "s/port: 8080/port: 18280/" -e "s/port: 8081/port: 18281/" \
    -e "s#http://127.0.0.1:8000/v1#http://127.0.0.1:$sim_port/v1#" \
    -e "s#http://127.0.0.1:11434/api#http://127.0.0.1:$sim_port/api#" /etc/qorgan/qorgan.yaml
  start_simulator
  # What systemd would run: the unit's ExecStart, as its user, with its environment file.
  local exec_start
  exec_start=$(sed -n 's/^ExecStart=//p' /lib/systemd/system/qorgan.service)
  set -a; . /etc/default/qorgan; set +a
  runuser -u qorgan -- $exec_start >"$work/gateway.log" 2>&1 &
  pids+=($!)
  wait_ready http://127.0.0.1:18281/readyz "$work/gateway.log"
  [[ $(ps -o user= -p "$(pgrep -u qorgan -f qorgan.jar | head -1)") == qorgan ]] || fail "the gateway does not run as qorgan"
  local status
  status=$(curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:18280/v1/chat/completions \
    -H 'Content-Type: application/json' -d '{"model":"m","messages":[{"role":"user","content":"hi"}]}')
  [[ $status == 401 ]] || fail "a call without a key got $status, not 401 (the identity store is empty)"
  say "deb: installed, unit verified, /readyz 200 as user qorgan, an unknown caller refused"
  kill "${pids[-1]}"; wait "${pids[-1]}" 2>/dev/null || true
  dpkg_waiting --purge qorgan
  ! getent passwd qorgan >/dev/null || fail "purge left the user qorgan"
}

check_image() {
  local image=$repo/packaging/target/qorgan-image.tar
  [[ -f $image ]] || fail "$image is missing (./mvnw -Pimage package)"
  command -v jq >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq jq >/dev/null; }
  mkdir -p "$work/oci" "$work/rootfs" "$work/etc/policies"
  tar -xf "$image" -C "$work/oci"
  local blobs=$work/oci/blobs/sha256 manifest config
  manifest=$blobs/$(jq -r '.manifests[0].digest' "$work/oci/index.json" | cut -d: -f2)
  config=$blobs/$(jq -r '.config.digest' "$manifest" | cut -d: -f2)
  for layer in $(jq -r '.layers[].digest' "$manifest" | cut -d: -f2); do
    tar --warning=no-unknown-keyword -xzf "$blobs/$layer" -C "$work/rootfs"
  done
  local user
  user=$(jq -r '.config.User' "$config")
  [[ $user != "" && $user != null && ${user%%:*} != 0 && ${user%%:*} != root ]] || fail "the image runs as root"
  mapfile -t command < <(jq -r '(.config.Entrypoint + .config.Cmd)[]' "$config")
  mapfile -t environment < <(jq -r '.config.Env[]' "$config")
  cat > "$work/etc/qorgan.yaml" <<YAML
listeners:
  traffic: { host: 127.0.0.1, port: 18380 }
  admin: { host: 127.0.0.1, port: 18381 }
upstreams:
  local-llm: { baseUrl: "http://127.0.0.1:$sim_port/v1" }
  local-ollama: { baseUrl: "http://127.0.0.1:$sim_port/api" }
routes:
  - { pathPrefix: /v1, upstream: local-llm }
policies:
  directory: /etc/qorgan/policies
YAML
  cp "$repo/policies/default.yaml" "$work/etc/policies/"
  start_simulator
  # As a container runtime would: a private mount namespace, the image's root read-only, /proc,
  # /dev, a tmpfs on /tmp, the configuration mounted, the image's user, environment and command.
  unshare -m -- bash -c '
    set -e
    root=$1 etc=$2 user=$3 env=$4; shift 4
    mapfile -t environment <<<"$env"
    mount --bind "$root" "$root"; mount -o remount,bind,ro "$root"
    mount -t proc proc "$root/proc"; mount --rbind /dev "$root/dev"
    mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
    mount --bind "$etc" "$root/etc/qorgan"
    exec env -i "${environment[@]}" chroot --userspec="$user" "$root" "$@"' \
    run "$work/rootfs" "$work/etc" "$user" "$(printf '%s\n' "${environment[@]}")" "${command[@]}" >"$work/image.log" 2>&1 &
  pids+=($!)
  wait_ready http://127.0.0.1:18381/readyz "$work/image.log"
  local answer
  answer=$(curl -fs http://127.0.0.1:18380/v1/chat/completions -H 'Content-Type: application/json' \
    -d '{"model":"llama-3.1-8b","messages":[{"role":"user","content":"Сәлем, Ахметов Нұрлан!"}]}')
  [[ $answer == *'Сәлем, Ахметов Нұрлан!'* ]] || fail "the image's gateway answered: $answer"
  grep -q "Read-only file system\|AccessDenied" "$work/image.log" && { cat "$work/image.log" >&2; fail "the gateway tried to write outside /tmp"; }
  say "image: unpacked, entrypoint started as $user on a read-only root, /readyz 200, a request restored"
}

case ${1:-} in
  deb) check_deb ;;
  image) check_image ;;
  *) echo "usage: packaging/ci-check.sh deb|image" >&2; exit 2 ;;
esac
