namespace S3Deploy.PackageTests.Infrastructure;

/// <summary>What tests/browser/blazor-counter.mjs saw in the browser.</summary>
internal sealed record BlazorPageVisit(
    string? Heading,
    string? CountBefore,
    string? CountAfter,
    string[] ConsoleErrors,
    string[] PageErrors,
    string[] FailedRequests,
    string[] ErrorResponses,
    string? Error);
