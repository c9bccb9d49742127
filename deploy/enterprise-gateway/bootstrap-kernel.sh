#!/bin/bash
# The kernel image's command: Enterprise Gateway's Kubernetes and Docker process proxies start
# the container with the kernel's id, the response address, EG's public key and the port range
# in the environment (EG 3 names them RESPONSE_ADDRESS, PUBLIC_KEY, PORT_RANGE; older releases
# EG_RESPONSE_ADDRESS), and the launcher does the rest. RECEPTIVE and RECEPTIVE_LAUNCHER
# override where the binary and the launcher are (tests run this script outside the image).
set -euo pipefail

response_address="${RESPONSE_ADDRESS:-${EG_RESPONSE_ADDRESS:-}}"
public_key="${PUBLIC_KEY:-${EG_PUBLIC_KEY:-}}"
if [ -z "${KERNEL_ID:-}" ] || [ -z "$response_address" ] || [ -z "$public_key" ]; then
  echo "bootstrap-kernel.sh: KERNEL_ID, RESPONSE_ADDRESS and PUBLIC_KEY must be set (Enterprise Gateway sets them)" >&2
  exit 2
fi

exec python3 "${RECEPTIVE_LAUNCHER:-/usr/local/share/jupyter/kernel-launchers/receptive/launch_receptive.py}" \
  --receptive "${RECEPTIVE:-/usr/local/bin/receptive}" \
  --kernel-id "$KERNEL_ID" \
  --response-address "$response_address" \
  --public-key "$public_key" \
  --port-range "${PORT_RANGE:-${EG_PORT_RANGE:-0..0}}" \
  ${RECEPTIVE_LAUNCHER_ARGS:-}
