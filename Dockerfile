# The GitHub Action's image (action.yml: image: Dockerfile). The runner builds it with this file's folder as the
# context, so it lives at the repository root, beside the CLI it compiles; .dockerignore keeps the context small.
# Native AOT links with clang against zlib: the SDK image has neither.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update && apt-get install -y --no-install-recommends clang zlib1g-dev && rm -rf /var/lib/apt/lists/*
# The release workflow passes the tag's version (build-args: VERSION=1.2.3), so the image's s3deploy --version says it.
ARG VERSION=0.1.0
COPY . /src
RUN cd /src && dotnet publish src/S3Deploy.Cli -c Release -r linux-x64 -p:PublishAot=true -p:Version=$VERSION -o /out

# runtime-deps brings libicu: file names are normalized to NFC, which needs ICU.
# The entrypoint is the one s3deploy executable; "action" reads the inputs from INPUT_* and speaks GitHub's dialect.
FROM mcr.microsoft.com/dotnet/runtime-deps:10.0
COPY --from=build /out/s3deploy /usr/local/bin/s3deploy
ENTRYPOINT ["/usr/local/bin/s3deploy", "action"]
