namespace S3Deploy.Core.CloudFront;

/// <summary>A successful answer's body, and its ETag (the version a later conditional write names in If-Match).</summary>
internal sealed record CloudFrontAnswer(string Body, string? ETag);
