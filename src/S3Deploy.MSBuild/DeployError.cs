using System.Runtime.Serialization;

namespace S3Deploy.MSBuild;

/// <summary>"error" of a failed s3deploy --json result.</summary>
[DataContract]
internal sealed class DeployError
{
    [DataMember(Name = "code")]
    public string? Code { get; set; }

    [DataMember(Name = "message")]
    public string Message { get; set; } = "";
}
