namespace S3Deploy.Core.CloudFront;

/// <summary>A CloudFront Function as DescribeFunction tells it: its comment (where the deploy keeps its hash), ARN, stage and ETag.</summary>
internal sealed record EdgeFunction(string Name, string Comment, string Arn, string Stage, string ETag);
