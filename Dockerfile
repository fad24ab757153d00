# The system as a container image, for operators who run containers. Build the jar first (README, "Two commands"):
#   mvn -B -ntp -DskipTests package && docker build -t labor-dispute-cases .
# The image holds the jar only; the database is PostgreSQL (compose.yaml), configured by environment variables:
#   SPRING_PROFILES_ACTIVE=postgres, SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME, SPRING_DATASOURCE_PASSWORD,
#   DISPUTE_DEMO_ENABLED=false and DISPUTE_SECURITY_ADMIN_PASSWORD (README, "Configuration"), LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs for JSON logs.
FROM eclipse-temurin:17-jre
RUN useradd --system --home /app dispute
WORKDIR /app
COPY target/labor-dispute-cases-*.jar /app/labor-dispute-cases.jar
USER dispute
EXPOSE 8080
# Readiness (database, process engine, job executor) is /actuator/health/readiness, open without details: the load
# balancer checks it (ops/haproxy.cfg).
# SIGTERM: finish the requests in flight, stop taking jobs and hand back those taken (graceful shutdown)
STOPSIGNAL SIGTERM
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/labor-dispute-cases.jar"]
