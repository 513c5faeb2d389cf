# Shared by bench/pull and bench/copy (sourced, not run): builds the 7-platform benchmark image with crane.
# bench_seven_platforms WORKDIR MB: pushes $BED_REGISTRY/bench/pull:MB-mb, an index of linux/386, amd64, arm/v6,
# arm/v7, arm64/v8, ppc64le and s390x, each one incompressible MB-megabyte layer; prints the reference.
bench_seven_platforms() {
  local work=$1 mb=$2 R=$BED_REGISTRY platform tag args=()
  for platform in linux/386 linux/amd64 linux/arm/v6 linux/arm/v7 linux/arm64/v8 linux/ppc64le linux/s390x; do
    tag=$mb-mb-${platform//\//-}
    mkdir -p "$work/rootfs"
    openssl enc -aes-128-ctr -nosalt -pbkdf2 -pass "pass:bench/$platform/$mb" < /dev/zero 2>/dev/null \
      | head -c $((mb * 1000 * 1000)) > "$work/rootfs/payload" || true
    tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "$work/rootfs" -cf "$work/layer.tar" .
    crane append -f "$work/layer.tar" -t "$R/bench/pull:$tag-base" --oci-empty-base >/dev/null 2>&1
    crane mutate "$R/bench/pull:$tag-base" --set-platform "$platform" -t "$R/bench/pull:$tag" >/dev/null 2>&1
    args+=(-m "$R/bench/pull:$tag")
  done
  rm -rf "$work/rootfs" "$work/layer.tar"
  crane index append "${args[@]}" -t "$R/bench/pull:$mb-mb" >/dev/null 2>&1
  echo "$R/bench/pull:$mb-mb"
}
