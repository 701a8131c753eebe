using System.Collections.Generic;
using System.Runtime.Serialization;

namespace S3Deploy.MSBuild;

[DataContract]
internal sealed class DeployInvalidation
{
    [DataMember(Name = "distributionId")]
    public string DistributionId { get; set; } = "";

    [DataMember(Name = "id")]
    public string Id { get; set; } = "";

    [DataMember(Name = "status")]
    public string Status { get; set; } = "";

    [DataMember(Name = "paths")]
    public List<string> Paths { get; set; } = [];
}
