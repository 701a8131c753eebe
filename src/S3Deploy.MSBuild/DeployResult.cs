using System.Collections.Generic;
using System.Runtime.Serialization;

namespace S3Deploy.MSBuild;

/// <summary>The part of s3deploy's --json result (DeployResultJson) the task reports.</summary>
[DataContract]
internal sealed class DeployResult
{
    [DataMember(Name = "dryRun")]
    public bool DryRun { get; set; }

    [DataMember(Name = "uploaded")]
    public int Uploaded { get; set; }

    [DataMember(Name = "headersUpdated")]
    public int HeadersUpdated { get; set; }

    [DataMember(Name = "deleted")]
    public int Deleted { get; set; }

    [DataMember(Name = "unchanged")]
    public int Unchanged { get; set; }

    [DataMember(Name = "bytesUploaded")]
    public long BytesUploaded { get; set; }

    [DataMember(Name = "keptStale")]
    public int KeptStale { get; set; }

    [DataMember(Name = "durationMs")]
    public long DurationMs { get; set; }

    [DataMember(Name = "websiteUrl")]
    public string? WebsiteUrl { get; set; }

    [DataMember(Name = "invalidations")]
    public List<DeployInvalidation> Invalidations { get; set; } = [];

    [DataMember(Name = "actions")]
    public List<DeployAction> Actions { get; set; } = [];

    [DataMember(Name = "exitCode")]
    public int ExitCode { get; set; }

    [DataMember(Name = "error")]
    public DeployError? Error { get; set; }
}
