using System.Collections.Generic;
using System.Runtime.Serialization;

namespace S3Deploy.MSBuild;

/// <summary>The part of s3deploy's --json result (the CLI's DeployResultJson) the task reports.</summary>
[DataContract]
internal sealed class DeployResult
{
    [DataMember(Name = "summary")] public string? Summary { get; set; }
    [DataMember(Name = "dryRun")] public bool DryRun { get; set; }
    [DataMember(Name = "uploaded")] public int Uploaded { get; set; }
    [DataMember(Name = "headersUpdated")] public int HeadersUpdated { get; set; }
    [DataMember(Name = "deleted")] public int Deleted { get; set; }
    [DataMember(Name = "unchanged")] public int Unchanged { get; set; }
    [DataMember(Name = "bytesUploaded")] public long BytesUploaded { get; set; }
    [DataMember(Name = "websiteUrl")] public string? WebsiteUrl { get; set; }
    [DataMember(Name = "invalidations")] public List<DeployInvalidation> Invalidations { get; set; } = [];
    [DataMember(Name = "actions")] public List<DeployAction> Actions { get; set; } = [];
    [DataMember(Name = "warnings")] public List<DeployDiagnostic> Warnings { get; set; } = [];
    [DataMember(Name = "error")] public DeployDiagnostic? Error { get; set; }
}

/// <summary>A warning or the error of a result (a warning's severity is always "warning").</summary>
[DataContract]
internal sealed class DeployDiagnostic
{
    [DataMember(Name = "code")] public string? Code { get; set; }
    [DataMember(Name = "message")] public string Message { get; set; } = "";
    [DataMember(Name = "option")] public string? Option { get; set; }
}

[DataContract]
internal sealed class DeployAction
{
    [DataMember(Name = "key")] public string Key { get; set; } = "";
    [DataMember(Name = "action")] public string Action { get; set; } = "";
    [DataMember(Name = "reason")] public string Reason { get; set; } = "";
    [DataMember(Name = "redirect")] public string? Redirect { get; set; }

    public override string ToString() => Redirect is null
        ? $"{$"{Action} ({Reason})",-24} {Key}"
        : $"{(Reason == "new" ? "redirect (new)" : "redirect (changed)"),-24} {Key} → {Redirect}";
}

/// <summary>A dry run's has no id: it says what a deploy would invalidate. Both lines are the CLI's.</summary>
[DataContract]
internal sealed class DeployInvalidation
{
    [DataMember(Name = "distributionId")] public string DistributionId { get; set; } = "";
    [DataMember(Name = "id")] public string? Id { get; set; }
    [DataMember(Name = "status")] public string? Status { get; set; }
    [DataMember(Name = "paths")] public List<string> Paths { get; set; } = [];

    public override string ToString() => $"CloudFront {DistributionId}: {(Id is null ? "would invalidate" : $"invalidation {Id} ({Status}):")} {string.Join(" ", Paths)}";
}
