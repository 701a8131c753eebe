namespace S3Deploy.Tests;

/// <summary>Config files with every field set, shared by the tests that load, map and layer them.</summary>
internal static class ConfigSamples
{
    public const string EveryField = """
        {
          // every field there is
          "$schema": "../src/S3Deploy.Core/Config/s3deploy.schema.json",
          "source": "site",
          "target": "s3://bucket-a/prefix",
          "region": "eu-west-1",
          "profile": "deployer",
          "endpointUrl": "http://localhost:4568",
          "delete": false,
          "maxDeletes": 12,
          "allowEmpty": true,
          "exclude": ["*.map", "uploads/"],
          "concurrency": 4,
          "followSymlinks": true,
          "hashCache": false,
          "cacheControl": "public, max-age=60",
          "precompressed": "br",
          "sse": "aws:kms",
          "sseKmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/abc",
          "storageClass": "STANDARD_IA",
          "rules": [
            {
              "match": "*.css",
              "cacheControl": "public, max-age=600",
              "contentType": "text/x-css",
              "contentEncoding": "identity",
              "contentDisposition": "inline",
              "metadata": { "team": "web", "build": "42" },
              "compress": "gzip",
              "entry": true,
              "sse": "aws:kms",
              "sseKmsKeyId": "other-key",
              "storageClass": "GLACIER_IR",
            },
            { "match": "downloads/**", "compress": "none" },
          ],
          "redirects": { "/old/page.html": "/new/", "/blog": "https://blog.example.com/" },
        }
        """;

    public const string EverySiteField = """
        {
          "source": "site",
          "target": "s3://bucket-a/www",
          "website": {
            "index": "home.html",
            "error": "errors/404.html",
            "spa": true,
            "routingRules": [
              {
                "condition": { "keyPrefixEquals": "docs/", "httpErrorCodeReturnedEquals": "404" },
                "redirect": { "protocol": "https", "hostName": "example.com", "replaceKeyPrefixWith": "documents/", "httpRedirectCode": "301" }
              },
              { "redirect": { "replaceKeyWith": "gone.html" } }
            ]
          },
          "public": true,
          "keepStale": "1h30m",
          "cloudfront": {
            "distributions": ["E2QWRUHAPOMQZL", "E1ABCDEF"],
            "wait": false,
            "waitTimeout": "5m",
            "failOnTimeout": true,
            "maxPaths": 40,
            "endpointUrl": "http://localhost:4999"
          }
        }
        """;
}
