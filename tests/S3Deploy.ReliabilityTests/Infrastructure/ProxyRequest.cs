namespace S3Deploy.ReliabilityTests.Infrastructure;

/// <summary>One request as the fault proxy saw it: enough to pick a fault by operation, key or number.</summary>
internal sealed record ProxyRequest(int Number, string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, int BodyLength)
{
    public S3Operation Operation { get; } = Classify(Method, Path, Query, Headers);

    /// <summary>The object key (path after the bucket), unescaped; empty for bucket-level requests.</summary>
    public string Key
    {
        get
        {
            var rest = Path.TrimStart('/');
            var slash = rest.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? "" : Uri.UnescapeDataString(rest[(slash + 1)..]);
        }
    }

    /// <summary>The deployer's records under .s3deploy/ (manifest, release history), not the deploy lock.</summary>
    public bool IsManifest => Key.Contains(".s3deploy/", StringComparison.Ordinal) && !IsLock;

    /// <summary>The deploy lock every deploy and rollback takes (GET, PUT, DELETE of .s3deploy/lock.json).</summary>
    public bool IsLock => Key.EndsWith(".s3deploy/lock.json", StringComparison.Ordinal);

    public bool IsUpload => Operation is S3Operation.Put or S3Operation.UploadPart;

    private static S3Operation Classify(string method, string path, string query, IReadOnlyDictionary<string, string> headers)
    {
        var isBucket = path.Trim('/').IndexOf('/', StringComparison.Ordinal) < 0;
        bool Has(string name) => query.Split('&').Any(p => p == name || p.StartsWith(name + "=", StringComparison.Ordinal));
        return method switch
        {
            "GET" when isBucket && Has("versioning") => S3Operation.Other,
            "GET" when isBucket => S3Operation.List,
            "GET" => S3Operation.Get,
            "HEAD" => S3Operation.Head,
            "PUT" when isBucket => S3Operation.Other,
            "PUT" when headers.ContainsKey("x-amz-copy-source") => S3Operation.Copy,
            "PUT" when Has("partNumber") => S3Operation.UploadPart,
            "PUT" => S3Operation.Put,
            "POST" when Has("delete") => S3Operation.DeleteObjects,
            "POST" when Has("uploads") => S3Operation.StartMultipart,
            "POST" when Has("uploadId") => S3Operation.CompleteMultipart,
            "DELETE" when Has("uploadId") => S3Operation.AbortMultipart,
            "DELETE" => S3Operation.Delete,
            _ => S3Operation.Other,
        };
    }
}
