using System.Reflection;
using Xunit.Sdk;

namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>
/// Runs a theory on s3rver, with <paramref name="data"/> after the server as InlineData would pass it. Give <c>Skip</c> a
/// reason where s3rver lacks the feature under test.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class OnS3rverAttribute(params object[] data) : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Emulator.S3rver, .. data]];
}
