#!/usr/bin/env bash
# Points a released action.yml at the image the release workflow pushed, so a user's job pulls it instead of building
# the Dockerfile. Only the release commit gets this; the repository's own action.yml keeps 'image: Dockerfile' so that
# 'uses: ./' tests the checked-out code.
# Usage: pin-image.sh <action.yml> <registry/owner/name:tag>, e.g. pin-image.sh action.yml ghcr.io/owner/s3deploy-action:1.2.3
set -euo pipefail

if [[ $# -ne 2 ]]; then
  echo "usage: pin-image.sh <action.yml> <image:tag>" >&2
  exit 2
fi

file=$1
image=$2

# Registries take lowercase repository names only; a typo here would ship an action.yml nobody can pull.
if [[ ! $image =~ ^[a-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)+:[A-Za-z0-9_][A-Za-z0-9._-]*$ ]]; then
  echo "pin-image: '$image' is not a lowercase registry/name:tag image reference" >&2
  exit 2
fi

line='  image: Dockerfile'
count=$(grep -cxF "$line" "$file" || true)
if [[ $count -ne 1 ]]; then
  echo "pin-image: $file must have exactly one '$line' line under runs:, found $count" >&2
  exit 1
fi

sed -i "s|^  image: Dockerfile\$|  image: docker://$image|" "$file"
echo "pin-image: $file now runs docker://$image"
