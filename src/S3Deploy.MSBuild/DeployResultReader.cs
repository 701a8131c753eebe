using System;
using System.IO;
using System.Runtime.Serialization;
using System.Runtime.Serialization.Json;
using System.Text;
using System.Xml;

namespace S3Deploy.MSBuild;

/// <summary>DataContractJsonSerializer is in netstandard2.0 itself, so the task ships no JSON library that could clash with MSBuild's.</summary>
internal static class DeployResultReader
{
    /// <returns>The result, absent lists empty (the serializer runs no initializers); null when the line is no result.</returns>
    public static DeployResult? Read(string json)
    {
        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json));
            if (new DataContractJsonSerializer(typeof(DeployResult)).ReadObject(stream) is not DeployResult result)
            {
                return null;
            }

            result.Actions ??= [];
            result.Invalidations ??= [];
            result.Warnings ??= [];
            result.Invalidations.ForEach(i => i.Paths ??= []);
            return result;
        }
        catch (Exception e) when (e is SerializationException or XmlException or InvalidCastException)
        {
            return null;
        }
    }
}
