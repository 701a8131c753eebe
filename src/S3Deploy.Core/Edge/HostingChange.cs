namespace S3Deploy.Core.Edge;

/// <summary>What hosting changes on one distribution: the function (created, updated or unchanged, with the routes it adds and drops) and the config.</summary>
public sealed record HostingChange(string DistributionId, string FunctionName, string FunctionChange, IReadOnlyList<string> RoutesAdded, IReadOnlyList<string> RoutesDropped, IReadOnlyList<string> DistributionChanges)
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Unchanged = "unchanged";

    public bool Changes => FunctionChange != Unchanged || DistributionChanges.Count > 0 || HeadersPolicyChange is Created or Updated;

    /// <summary>The generated code and its comment (with the hash), kept for applying.</summary>
    internal string Code { get; init; } = "";

    internal string Comment { get; init; } = "";

    internal ViewerPaths Paths { get; init; } = ViewerPaths.Root;

    /// <summary>The response headers policy: created, updated or unchanged; null without a "headers" section.</summary>
    public string? HeadersPolicyChange { get; init; }

    /// <summary>The policy config to write, and the id of ours the behaviour already points at (null: create one).</summary>
    internal System.Xml.Linq.XElement? HeadersPolicy { get; init; }

    internal string? HeadersPolicyId { get; init; }
}
