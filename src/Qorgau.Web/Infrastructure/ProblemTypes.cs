using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Qorgau.Web.Infrastructure;

/// <summary>
/// The <c>type</c> of every problem the API answers: a stable relative URI an integrator can switch on. The
/// <c>title</c> and <c>detail</c> are in the caller's language and may be reworded; the type never changes.
/// An endpoint names the type when the status alone does not say what happened (a 409 may be a rule of the
/// workflow or the independence guard); otherwise the status decides it here, for every problem written.
/// </summary>
public static class ProblemTypes
{
    private const string Base = "/problems/";

    public const string Invalid = Base + "invalid";
    public const string Unauthorised = Base + "unauthorised";
    public const string Forbidden = Base + "forbidden";
    public const string NotFound = Base + "not-found";
    public const string MethodNotAllowed = Base + "method-not-allowed";
    public const string NotAllowedNow = Base + "not-allowed-now";
    public const string Independence = Base + "independence";
    public const string Conflict = Base + "conflict";
    public const string TooLarge = Base + "too-large";
    public const string UnsupportedMediaType = Base + "unsupported-media-type";
    public const string ProofOfWorkRequired = Base + "proof-of-work-required";
    public const string TooManyRequests = Base + "too-many-requests";
    public const string Unavailable = Base + "unavailable";
    public const string ServerError = Base + "server-error";

    /// <summary>Every type with what it means, as the OpenAPI document lists them.</summary>
    public static IReadOnlyList<(string Type, int Status, string Meaning)> All { get; } =
    [
        (Invalid, StatusCodes.Status400BadRequest, "A field, parameter or body cannot be accepted; `errors` names each field with its messages."),
        (Unauthorised, StatusCodes.Status401Unauthorized, "No valid token, session or receipt."),
        (Forbidden, StatusCodes.Status403Forbidden, "Signed in, but this role may not do this."),
        (NotFound, StatusCodes.Status404NotFound, "No such thing, or not one the caller may know exists (a case of another organisation answers the same)."),
        (MethodNotAllowed, StatusCodes.Status405MethodNotAllowed, "The route exists for another HTTP method."),
        (NotAllowedNow, StatusCodes.Status409Conflict, "The workflow does not allow this action in the case's current state, or the case changed meanwhile."),
        (Independence, StatusCodes.Status409Conflict, "The independence guard refuses: the person belongs to, or came from, the agency the complaint accuses."),
        (Conflict, StatusCodes.Status409Conflict, "The request conflicts with the current state of the resource."),
        (TooLarge, StatusCodes.Status413PayloadTooLarge, "The body is larger than the endpoint accepts."),
        (UnsupportedMediaType, StatusCodes.Status415UnsupportedMediaType, "The body's content type is not one the endpoint reads."),
        (ProofOfWorkRequired, StatusCodes.Status428PreconditionRequired, "A complaint needs a solved proof-of-work challenge."),
        (TooManyRequests, StatusCodes.Status429TooManyRequests, "A rate limit was reached; `Retry-After` says when to try again."),
        (Unavailable, StatusCodes.Status503ServiceUnavailable, "The service cannot take this now (no organisation receives complaints, or it is starting)."),
        (ServerError, StatusCodes.Status500InternalServerError, "A fault of the server; it is logged without the request's content."),
    ];

    /// <summary>The type for a status when the endpoint named none.</summary>
    public static string ForStatus(int status) => status switch
    {
        StatusCodes.Status400BadRequest => Invalid,
        StatusCodes.Status401Unauthorized => Unauthorised,
        StatusCodes.Status403Forbidden => Forbidden,
        StatusCodes.Status404NotFound => NotFound,
        StatusCodes.Status405MethodNotAllowed => MethodNotAllowed,
        StatusCodes.Status409Conflict => Conflict,
        StatusCodes.Status413PayloadTooLarge => TooLarge,
        StatusCodes.Status415UnsupportedMediaType => UnsupportedMediaType,
        StatusCodes.Status428PreconditionRequired => ProofOfWorkRequired,
        StatusCodes.Status429TooManyRequests => TooManyRequests,
        StatusCodes.Status503ServiceUnavailable => Unavailable,
        >= 500 => ServerError,
        _ => Invalid,
    };

    /// <summary>Gives a problem the type of its status unless its endpoint named one of ours.</summary>
    public static void Stamp(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Type is null || !problem.Type.StartsWith(Base, StringComparison.Ordinal))
        {
            problem.Type = ForStatus(problem.Status ?? context.HttpContext.Response.StatusCode);
        }
    }

    /// <summary>Lists the types in the OpenAPI document's description, where integrators read the contract.</summary>
    public static Task DescribeAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var lines = All.Select(p => $"- `{p.Type}` ({p.Status}): {p.Meaning}");
        document.Info.Description = $"{document.Info.Description}\n\nEvery 4xx and 5xx answer is `application/problem+json` whose `type` is one of:\n{string.Join('\n', lines)}".TrimStart();
        return Task.CompletedTask;
    }
}
