#!/usr/bin/env bash
# Builds a base image for Qorgan's container from Debian packages: a Java runtime and what it
# needs, nothing else (no shell policy, no package manager state), the way distroless images are
# made. For machines that reach Debian's archive but no container registry; with a registry, the
# image build's default base (eclipse-temurin) needs none of this. Needs apt-get (a Debian or
# Ubuntu host), dpkg-deb and java; runs as root or under fakeroot.
#
#   packaging/src/image/debian-base.sh target/debian-base.tar
#   ./mvnw -Pimage -Dqorgan.image.base=tar://$PWD/target/debian-base.tar -DskipTests package
#
# Writes a `docker save` tarball (one layer) that Jib reads with tar:// . The packages are the
# runtime (JRE_PACKAGE, default openjdk-17-jre-headless), the libraries its headless part links
# (glibc, libgcc, libstdc++, zlib) and the CA certificates; fonts, X and sound are left out.
set -euo pipefail
out=$(realpath -m "${1:?usage: debian-base.sh OUT.tar}")
jre=${JRE_PACKAGE:-openjdk-17-jre-headless}
here=$(cd "$(dirname "$0")" && pwd)
if [[ $(id -u) != 0 && -z ${FAKEROOTKEY:-} ]]; then exec fakeroot -- "$0" "$@"; fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
mkdir debs rootfs

packages=("$jre" libc6 libgcc-s1 libstdc++6 zlib1g ca-certificates)
(cd debs && apt-get download "${packages[@]}" 2>/dev/null >/dev/null \
  || { apt-get update -qq && apt-get download "${packages[@]}" >/dev/null 2>&1; })
for deb in debs/*.deb; do dpkg-deb -x "$deb" rootfs; done

java_home=$(dirname "$(dirname "$(find rootfs/usr/lib/jvm -path '*/bin/java' -type f | head -1)")")
java_home=${java_home#rootfs}
# What the packages' maintainer scripts would have done: the java command, the CA trust store.
mkdir -p rootfs/usr/bin && ln -sf "$java_home/bin/java" rootfs/usr/bin/java
mkdir -p rootfs/etc/ssl/certs/java
rm -f rootfs/etc/ssl/certs/java/cacerts
java "$here/TrustStore.java" rootfs/usr/share/ca-certificates rootfs/etc/ssl/certs/java/cacerts

# The container's user (10001, as the image runs), its folders, and mount points for a read-only root.
cat > rootfs/etc/passwd <<PASSWD
root:x:0:0:root:/root:/usr/sbin/nologin
qorgan:x:10001:10001:Qorgan:/var/lib/qorgan:/usr/sbin/nologin
PASSWD
cat > rootfs/etc/group <<GROUP
root:x:0:
qorgan:x:10001:
GROUP
mkdir -p rootfs/tmp rootfs/proc rootfs/sys rootfs/dev rootfs/etc/qorgan rootfs/var/lib/qorgan
chmod 1777 rootfs/tmp
chown -R 0:0 rootfs
chown 10001:10001 rootfs/var/lib/qorgan
rm -rf rootfs/usr/share/doc rootfs/usr/share/man rootfs/usr/share/info rootfs/usr/share/lintian

tar --numeric-owner -C rootfs -cf layer.tar .
diff_id=$(sha256sum layer.tar | cut -d' ' -f1)
cat > config.json <<CONFIG
{"architecture":"amd64","os":"linux","config":{"Env":["PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin","JAVA_HOME=$java_home"]},"rootfs":{"type":"layers","diff_ids":["sha256:$diff_id"]},"history":[{"created_by":"packaging/src/image/debian-base.sh: $jre and dependencies from Debian"}]}
CONFIG
echo '[{"Config":"config.json","RepoTags":["qorgan-debian-base:latest"],"Layers":["layer.tar"]}]' > manifest.json
mkdir -p "$(dirname "$out")"
tar -cf "$out" manifest.json config.json layer.tar
echo "debian-base: ${#packages[@]} packages, $(du -h layer.tar | cut -f1) -> $out"
