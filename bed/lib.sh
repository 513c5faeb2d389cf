# Shared settings and helpers of the test bed scripts (sourced, not run).
BED_HOME=${MIMG_BED_HOME:-$HOME/.cache/mimg-bed}   # downloads and unpacked binaries (kept between runs)
BED_ROOT=$BED_HOME/root
BED_RUN=${MIMG_BED_RUN:-/tmp/mimg-bed}             # engines' data, sockets and logs (thrown away)
BED_REGISTRY_PORT=${MIMG_BED_REGISTRY_PORT:-5123}
BED_REGISTRY=127.0.0.1:$BED_REGISTRY_PORT
BED_PRIVATE_PORT=${MIMG_BED_PRIVATE_PORT:-5125}      # a second registry that wants basic auth (htpasswd)
BED_PRIVATE=127.0.0.1:$BED_PRIVATE_PORT
BED_TOKEN_PORT=${MIMG_BED_TOKEN_PORT:-5127}          # a third registry that wants Bearer tokens (token auth)
BED_TOKEN=127.0.0.1:$BED_TOKEN_PORT
BED_TOKEN_REALM=http://127.0.0.1:${MIMG_BED_TOKEN_REALM_PORT:-5128}/token   # served by the tests' own token server
BED_TLS_PORT=${MIMG_BED_TLS_PORT:-2377}                # the snap engine also listens here, TLS with client certs
BED_SSH_PORT=${MIMG_BED_SSH_PORT:-2223}               # a real sshd on loopback whose docker reaches the "far" engine
BED_SSHD_ROOT=$BED_HOME/sshd-root                    # openssh-server (+ libwrap0) of the host release, unpacked
BED_MIN_API=1.51
export PATH="$BED_ROOT/usr/sbin:$BED_ROOT/usr/bin:$PATH"

bed_die() { echo "bed: $*" >&2; exit 1; }

# Fails with one clear line when the unpacked binaries cannot run on this machine (glibc, missing files).
bed_check_binaries() {
  local out
  for bin in dockerd containerd docker crane docker-registry oras; do
    [ -x "$BED_ROOT/usr/bin/$bin" ] || [ -x "$BED_ROOT/usr/sbin/$bin" ] || bed_die "$bin is missing under $BED_ROOT (run bed/install)"
  done
  if ! out=$(dockerd --version 2>&1); then
    bed_die "the downloaded dockerd does not run here: $(echo "$out" | head -1) (host $(ldd --version | head -1))"
  fi
  if ! out=$(crane version 2>&1); then
    bed_die "the downloaded crane does not run here: $(echo "$out" | head -1)"
  fi
}

# docker CLI talking to one of the bed's engines: bed_docker snap|graph|far ARGS...
bed_docker() {
  local engine=$1; shift
  DOCKER_CONFIG=$BED_RUN/docker-config docker -H "unix://$BED_RUN/$engine/docker.sock" "$@"
}

# ctr on the bed's own containerd, namespace k8s.io (the CRI's), native snapshotter: bed_ctr ARGS...
bed_ctr() {
  CONTAINERD_SNAPSHOTTER=native ctr -a "$BED_RUN/ctrd/containerd.sock" -n k8s.io "$@"
}

# GET on an engine's API: bed_api snap|graph|far PATH
bed_api() {
  curl -fsS --unix-socket "$BED_RUN/$1/docker.sock" "http://docker$2"
}

# True when x.y version $1 >= $2.
bed_version_ge() {
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -t. -k1,1n -k2,2n | head -1)" = "$2" ]
}
