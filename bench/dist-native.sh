#!/usr/bin/env bash
# Benchmark (not a test): times `gateway:dist-native` for every available target against stock
# maven-jlink-plugin (one jlink module per target) + maven-assembly-plugin (one assembly per target) making the
# same archives from the same app, in one run. Prints both times, the ratio, and the archive sizes.
#
# The app: the it/ sample app with gateway-app's runtime dependencies (picocli, jackson, sqlite-jdbc, postgresql),
# so lib/ weighs what the real gateway's does. Targets: this machine's, plus linux-aarch64 when
# it/scripts/fetch-foreign-runtimes.sh can provide Debian's arm64 JDK.
# Usage: bench/dist-native.sh [--slim]    (work files in bench/target/)
#   --slim: what gateway-app ships: sqlite-jdbc pruned to each target's native library, java.desktop left out
#           (both routes get the same runtime modules; the stock route cannot prune jars).
#   COMPRESS=0 bench/dist-native.sh ...: jlink --compress for both routes (default: dist-native's strongest, i.e. 2 on 17).
set -euo pipefail
prune=false exclude=""
[ "${1:-}" = --slim ] && prune=true exclude=java.desktop
root=$(cd "$(dirname "$0")/.." && pwd)
work=$root/bench/target
mvn=("$root/mvnw" -B -q -s "$work/settings.xml" -Dmaven.repo.local="$work/repo")
version=$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' "$root/pom.xml" | head -1)
prop() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }

host=linux-x64; [ "$(uname -m)" = aarch64 ] && host=linux-aarch64
targets=("$host")
cache=${GATEWAY_IT_CACHE:-$HOME/.cache/gateway-it}
if [ "$host" = linux-x64 ] && GATEWAY_IT_CACHE=$cache "$root/it/scripts/fetch-foreign-runtimes.sh" linux-aarch64 >/dev/null 2>&1; then
  targets+=(linux-aarch64)
fi
echo "targets: ${targets[*]}"

rm -rf "$work/project" && mkdir -p "$work/project/app/src/main" "$work/files"
# Resolve from the user's repository as a remote, so the private repository below starts clean but offline-capable.
cat > "$work/settings.xml" <<XML
<settings><profiles><profile><id>home</id><activation><activeByDefault>true</activeByDefault></activation>
<repositories><repository><id>home</id><url>file://$HOME/.m2/repository</url></repository></repositories>
<pluginRepositories><pluginRepository><id>home</id><url>file://$HOME/.m2/repository</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>
XML
echo "installing the plugin into $work/repo"
"${mvn[@]}" -f "$root/pom.xml" -pl gateway-maven-plugin -am install -DskipTests

cp -r "$root/it/src/dist-native-parent/sample/java" "$work/project/app/src/main/java"
cp -r "$root/config" "$work/files/config"
cp "$root/LICENSE" "$work/files/LICENSE"

runtimes="" stock_modules="" modules_list=""
for t in "${targets[@]}"; do
  [ "$t" = "$host" ] && continue
  runtimes+="<runtime><target>$t</target><jdkHome>$cache/$t/jdk</jdkHome></runtime>"
done

cat > "$work/project/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <groupId>bench</groupId><artifactId>bench</artifactId><version>$version</version><packaging>pom</packaging>
  <properties>
    <maven.compiler.release>17</maven.compiler.release><project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
    <project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>
    <bench.files>$work/files</bench.files>
  </properties>
  <modules><module>app</module></modules>
  <build><pluginManagement><plugins>
    <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.0</version></plugin>
    <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
    <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
    <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
    <plugin><artifactId>maven-install-plugin</artifactId><version>3.1.4</version></plugin>
    <plugin><artifactId>maven-jlink-plugin</artifactId><version>$(sed -n 's:.*<artifactId>maven-jlink-plugin</artifactId><version>\(.*\)</version>.*:\1:p' "$root/pom.xml")</version></plugin>
    <plugin><artifactId>maven-assembly-plugin</artifactId><version>$(sed -n 's:.*<artifactId>maven-assembly-plugin</artifactId><version>\(.*\)</version>.*:\1:p' "$root/pom.xml")</version></plugin>
  </plugins></pluginManagement></build>
  <profiles><profile><id>stock</id><modules>
$(for t in "${targets[@]}"; do echo "    <module>runtime-$t</module><module>assembly-$t</module>"; done)
  </modules></profile></profiles>
</project>
XML

cat > "$work/project/app/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <parent><groupId>bench</groupId><artifactId>bench</artifactId><version>$version</version></parent>
  <artifactId>app</artifactId>
  <dependencies>
    <dependency><groupId>info.picocli</groupId><artifactId>picocli</artifactId><version>$(prop picocli.version)</version></dependency>
    <dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>$(prop jackson.version)</version></dependency>
    <dependency><groupId>org.xerial</groupId><artifactId>sqlite-jdbc</artifactId><version>$(prop sqlite-jdbc.version)</version></dependency>
    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>$(prop postgresql.version)</version></dependency>
  </dependencies>
  <profiles><profile><id>ours</id><build><plugins><plugin>
    <groupId>io.tokligence.gateway</groupId><artifactId>gateway-maven-plugin</artifactId><version>$version</version>
    <executions><execution><goals><goal>dist-native</goal></goals></execution></executions>
    <configuration>
      <targets>$(for t in "${targets[@]}"; do printf '<target>%s</target>' "$t"; done)</targets>
      <runtimes>$runtimes</runtimes>
      <modules><module>jdk.crypto.ec</module></modules>
      <excludeModules>\${bench.excludeModules}</excludeModules>
      <configDirectory>$work/files/config</configDirectory><licenseFile>$work/files/LICENSE</licenseFile>
      <distDirectory>\${project.basedir}/../dist-ours</distDirectory>
      <launchers><gateway>sample.SampleCli</gateway><gatewayd>sample.SampleDaemon</gatewayd></launchers>
    </configuration>
  </plugin></plugins></build></profile></profiles>
</project>
XML

echo "warming up: compiling the app"
(cd "$work/project" && "${mvn[@]}" package)

now() { date +%s.%N; }
t0=$(now)
(cd "$work/project" && "${mvn[@]}" -o package -Pours -Dgateway.native.pruneForeignNativeLibraries="$prune" \
  -Dbench.excludeModules="$exclude" -Dgateway.native.jlinkCompression="${COMPRESS:-}")
t1=$(now)
ours=$(echo "$t1 - $t0" | bc)

# The stock route links what our run found (jdeps is not part of it: a stock user lists modules by hand).
modules=$(tar -xzOf "$work/project/dist-ours/native/gateway-$version-$host.tar.gz" "gateway-$version-$host/runtime/release" \
  | sed -n 's/^MODULES="\(.*\)"/\1/p' | tr ' ' '\n' | sed 's:.*:<addModule>&</addModule>:' | tr -d '\n')
tree=$work/project/dist-ours/native/gateway-$host
mkdir -p "$work/files/bin" "$work/files/systemd"
cp "$tree"/bin/* "$work/files/bin/"; cp "$tree/systemd/gatewayd.service" "$work/files/systemd/"; cp "$tree/README" "$work/files/README"
for t in "${targets[@]}"; do
  source_jdk=""
  [ "$t" != "$host" ] && source_jdk="<sourceJdkModules>$cache/$t/jdk</sourceJdkModules>"
  mkdir -p "$work/project/runtime-$t" "$work/project/assembly-$t"
  cat > "$work/project/runtime-$t/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <parent><groupId>bench</groupId><artifactId>bench</artifactId><version>$version</version></parent>
  <artifactId>runtime-$t</artifactId><packaging>jlink</packaging>
  <build><plugins><plugin><artifactId>maven-jlink-plugin</artifactId><extensions>true</extensions><configuration>
    <addModules>$modules</addModules>$source_jdk
    <stripDebug>true</stripDebug><noHeaderFiles>true</noHeaderFiles><noManPages>true</noManPages><compress>${COMPRESS:-2}</compress>
  </configuration></plugin></plugins></build>
</project>
XML
  cat > "$work/project/assembly-$t/pom.xml" <<XML
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
  <parent><groupId>bench</groupId><artifactId>bench</artifactId><version>$version</version></parent>
  <artifactId>assembly-$t</artifactId><packaging>pom</packaging>
  <properties><bench.target>$t</bench.target></properties>
  <dependencies>
    <dependency><groupId>bench</groupId><artifactId>app</artifactId><version>$version</version></dependency>
    <dependency><groupId>bench</groupId><artifactId>runtime-$t</artifactId><version>$version</version><type>zip</type>
      <exclusions><exclusion><groupId>*</groupId><artifactId>*</artifactId></exclusion></exclusions></dependency>
  </dependencies>
  <build><plugins><plugin><artifactId>maven-assembly-plugin</artifactId>
    <executions><execution><phase>package</phase><goals><goal>single</goal></goals></execution></executions>
    <configuration><descriptors><descriptor>$root/bench/stock/assembly.xml</descriptor></descriptors>
      <finalName>gateway-$version</finalName><appendAssemblyId>true</appendAssemblyId></configuration>
  </plugin></plugins></build>
</project>
XML
done
echo "resolving the stock plugins once (not timed)"
(cd "$work/project" && "${mvn[@]}" package -Pstock)
# Leave the app built (both routes start from its jar) and the stock outputs gone.
(cd "$work/project" && rm -rf runtime-*/target assembly-*/target)

t2=$(now)
(cd "$work/project" && "${mvn[@]}" -o package -Pstock)
(cd "$work/project" && for t in "${targets[@]}"; do sha256sum "assembly-$t/target/gateway-$version-$t.tar.gz"; done > SHA256SUMS.stock)
t3=$(now)
stock=$(echo "$t3 - $t2" | bc)

echo
printf '%-34s %8.1f s\n' "dist-native (${#targets[@]} targets, parallel)" "$ours"
printf '%-34s %8.1f s\n' "maven-jlink + maven-assembly" "$stock"
printf '%-34s %8.2f x\n' "ratio (stock / dist-native)" "$(echo "$stock / $ours" | bc -l)"
echo "archive sizes (bytes):"
for t in "${targets[@]}"; do
  printf '  %-15s dist-native %10d   stock %10d\n' "$t" \
    "$(stat -c %s "$work/project/dist-ours/native/gateway-$version-$t.tar.gz")" \
    "$(stat -c %s "$work/project/assembly-$t/target/gateway-$version-$t.tar.gz")"
done
for t in "${targets[@]}"; do
  [ "$t" = "$host" ] && continue
  # maven-jlink-plugin links the host's modules when sourceJdkModules is not honoured (adoptium-support#1271).
  machine=$(od -An -tx2 -j18 -N2 "$work/project/runtime-$t/target/maven-jlink/default/bin/java" | tr -d ' ')
  printf '  stock %s runtime/bin/java ELF e_machine 0x%s (%s)\n' "$t" "$machine" \
    "$( [ "$machine" = 00b7 ] && echo aarch64 || echo 'NOT aarch64: host modules linked')"
done
