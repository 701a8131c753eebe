using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;

namespace S3Deploy.MSBuild;

/// <summary>DataContractJsonSerializer is in netstandard2.0 itself, so the task ships no JSON library that could clash with MSBuild's.</summary>
internal static class DeployResultReader
{
    public static DeployResult? Read(string json)
    {
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
            var result = (DeployResult?)new DataContractJsonSerializer(typeof(DeployResult)).ReadObject(stream);
            if (result is not null)
            {
                result.Actions ??= [];
                result.Invalidations ??= [];
            }

            return result;
        }
        catch (SerializationException)
        {
            return null;
        }
    }
}
