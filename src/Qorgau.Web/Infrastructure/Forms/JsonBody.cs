using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qorgau.Web.Features.Intake;

namespace Qorgau.Web.Infrastructure.Forms;

/// <summary>The JSON body of an API request (the public API and the staff API alike), within <c>Intake:MaxJsonBytes</c>.</summary>
public static class JsonBody
{
    /// <summary>
    /// The body as a JSON object, or the answer to give: 413 over the size limit (checked here as well
    /// as by the server, which not every host enforces), 400 when it is not a JSON object.
    /// </summary>
    public static async Task<(JsonElement? Body, ProblemHttpResult? Refusal)> ReadObjectAsync(HttpRequest request, IStringLocalizer localizer, CancellationToken cancellationToken)
    {
        var limit = request.HttpContext.RequestServices.GetRequiredService<IOptions<IntakeOptions>>().Value.MaxJsonBytes;
        if (request.ContentLength > limit)
        {
            return (null, TooLarge(localizer, limit));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, TooLarge(localizer, limit));
            }

            buffer.Write(chunk, 0, read);
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
            return document.RootElement.ValueKind == JsonValueKind.Object ? (document.RootElement.Clone(), null) : (null, InvalidBody(localizer));
        }
        catch (JsonException)
        {
            return (null, InvalidBody(localizer));
        }
    }

    private static ProblemHttpResult TooLarge(IStringLocalizer localizer, long limit) =>
        TypedResults.Problem(localizer["Api.BodyTooLarge", limit / 1024], statusCode: StatusCodes.Status413PayloadTooLarge, title: localizer["Error.TooLarge.Title"]);

    private static ProblemHttpResult InvalidBody(IStringLocalizer localizer) =>
        TypedResults.Problem(localizer["Api.BodyNotJson"], statusCode: StatusCodes.Status400BadRequest, title: localizer["Api.InvalidQuery"]);
}
