using System.Reflection;
using Xunit.Sdk;

namespace S3Deploy.IntegrationTests.Infrastructure;

/// <summary>Runs a theory on s3rver; give <c>Skip</c> a reason where s3rver lacks the feature under test.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnS3rverAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[Emulator.S3rver]];
}
