# Placement Matcher as a container: built with the Maven wrapper on a JDK 21, run on a JRE 21 as a non-root user.
#   docker build -t placement-matcher .
#   docker run --rm -p 8080:8080 -v placement-data:/data placement-matcher
# See README "Container".

FROM eclipse-temurin:21-jdk AS build
# The wrapper checks the pinned Maven zip's checksum, and unpacking a zip needs unzip.
RUN apt-get update \
 && apt-get install -y --no-install-recommends unzip \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# Maven and the dependencies first, in a layer of their own: it is reused until the POM changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN ./mvnw -B -ntp -q dependency:go-offline || true
COPY . .
# Not the format check (that is verify's job): an unformatted local edit must not break the image build.
RUN ./mvnw -B -ntp -q package -DskipTests -Dspotless.check.skip=true

FROM eclipse-temurin:21-jre
RUN groupadd --system placement \
 && useradd --system --gid placement --home-dir /app --shell /usr/sbin/nologin placement \
 && mkdir -p /data \
 && chown placement:placement /data
WORKDIR /app
COPY --from=build --chown=placement:placement /build/target/quarkus-app/ /app/
USER placement
# A container must listen on every interface: the service alone listens on 127.0.0.1 (application.properties),
# which no published port reaches. The container's network is the boundary: publish the port only where needed.
ENV QUARKUS_HTTP_HOST=0.0.0.0 \
    PLACEMENT_DATA_DIR=/data \
    JAVA_OPTS=""
# The embedded database lives here: keep it on a volume so that the register outlives the container.
VOLUME /data
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/quarkus-run.jar \"$@\"", "placement-matcher"]
