using System.Runtime.Serialization;

namespace S3Deploy.MSBuild;

[DataContract]
internal sealed class DeployAction
{
    [DataMember(Name = "key")]
    public string Key { get; set; } = "";

    [DataMember(Name = "action")]
    public string Action { get; set; } = "";

    [DataMember(Name = "reason")]
    public string Reason { get; set; } = "";

    [DataMember(Name = "redirect")]
    public string? Redirect { get; set; }
}
