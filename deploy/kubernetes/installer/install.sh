#!/bin/sh
# Installs Cortado on the node whose root is mounted at $HOST_ROOT (run by the node installer
# DaemonSet's init container): copies /cortado to /opt/cortado (through a new folder and a rename,
# so a running container never sees half an install), registers the "cortado" runtime handler in
# containerd's configuration if it is not there (keeping a copy of the file as it was), restarts
# containerd in the host's namespaces (unless RESTART_CONTAINERD=no), and labels the node
# cortado.dev/runtime=installed. SOURCE (default /cortado) is what it installs.
set -eu
HOST_ROOT=${HOST_ROOT:-/host}
CONTAINERD_CONFIG=${CONTAINERD_CONFIG:-/etc/containerd/config.toml}
SOURCE=${SOURCE:-/cortado}
dest=$HOST_ROOT/opt/cortado

mkdir -p "$(dirname "$dest")"
rm -rf "$dest.new"
cp -a "$SOURCE" "$dest.new"
if [ -d "$dest" ]; then
  rm -rf "$dest.old"
  mv "$dest" "$dest.old"
fi
mv "$dest.new" "$dest"
rm -rf "$dest.old"
# The class-data archive and compiled code, shared by every container on the node.
mkdir -p "$HOST_ROOT/var/cache/cortado"
echo "installed Cortado in /opt/cortado"

config=$HOST_ROOT$CONTAINERD_CONFIG
if grep -q 'runtimes\.cortado\]' "$config" 2>/dev/null; then
  echo "containerd already knows the cortado handler"
else
  mkdir -p "$(dirname "$config")"
  touch "$config"
  cp "$config" "$config.before-cortado"
  version=$(sed -n 's/^version *= *\([0-9][0-9]*\).*/\1/p' "$config" | head -n 1)
  if [ -z "$version" ]; then
    # An empty or version-1 file: version 2 tables need the version line first.
    if [ -s "$config" ]; then
      echo "$CONTAINERD_CONFIG has no 'version = 2' line; add the handler by hand" >&2
      echo "(see containerd-config.toml in deploy/kubernetes)" >&2
      exit 1
    fi
    echo 'version = 2' >"$config"
    version=2
  fi
  if [ "$version" -ge 3 ]; then
    table='plugins."io.containerd.cri.v1.runtime".containerd.runtimes.cortado'
  else
    table='plugins."io.containerd.grpc.v1.cri".containerd.runtimes.cortado'
  fi
  cat >>"$config" <<TOML

[$table]
  runtime_type = "io.containerd.runc.v2"
  [$table.options]
    BinaryName = "/opt/cortado/bin/cortado-runc"
TOML
  echo "registered the cortado handler in $CONTAINERD_CONFIG"
  if [ "${RESTART_CONTAINERD:-yes}" = yes ]; then
    echo "restarting containerd"
    nsenter -t 1 -m -u -i -n -p -- systemctl restart containerd
  fi
fi

if [ -n "${NODE_NAME:-}" ] && [ -r /var/run/secrets/kubernetes.io/serviceaccount/token ]; then
  sa=/var/run/secrets/kubernetes.io/serviceaccount
  curl -fsS --cacert "$sa/ca.crt" -H "Authorization: Bearer $(cat "$sa/token")" \
    -H 'Content-Type: application/merge-patch+json' -X PATCH \
    -d '{"metadata":{"labels":{"cortado.dev/runtime":"installed"}}}' \
    "https://kubernetes.default.svc/api/v1/nodes/$NODE_NAME" >/dev/null
  echo "labelled node $NODE_NAME cortado.dev/runtime=installed"
fi
