using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Web.Features.Cases;
using Qorgau.Web.Infrastructure.Forms;
using Qorgau.Web.Infrastructure.Localisation;

namespace Qorgau.Web.Features.Intake;

/// <summary>The public API v1 of the safe channel (the contract in DESIGN.md and the README).</summary>
public static class IntakeEndpoints
{
    public static RouteGroupBuilder MapIntakeEndpoints(this RouteGroupBuilder api, IntakeOptions limits)
    {
        var sizeLimit = new RequestSizeLimitAttribute(limits.MaxJsonBytes);
        api.MapPost("/complaints", FileComplaint).WithMetadata(sizeLimit, new IntakeDoorAttribute(IntakeDoorAttribute.Filing))
            .WithName("FileComplaint")
            .WithSummary("Files a complaint anonymously. Only 'account' is required. Answers the case number and the receipt, shown once.")
            .Accepts<ComplaintRequest>("application/json")
            .Produces<FiledComplaintResponse>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/complaints/challenge", NewChallenge)
            .WithName("ProofOfWorkChallenge")
            .WithSummary("While the proof-of-work switch is on, a challenge to solve before filing: send 'Proof-Of-Work: <challenge>:<nonce>' where SHA-256 of '<challenge>:<nonce>' starts with 'bits' zero bits.");
        api.MapPost("/receipt/session", OpenReceiptSession).WithMetadata(sizeLimit, new IntakeDoorAttribute(IntakeDoorAttribute.Receipt))
            .WithName("OpenReceiptSession")
            .WithSummary("Exchanges a receipt for a short-lived bearer token that reads and writes that one case.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/receipt/case", ReadCase)
            .WithName("ReadReceiptCase")
            .WithSummary("The case's status in plain words and the messages with the organisation (Authorization: Bearer token).");
        api.MapPost("/receipt/messages", WriteMessage).WithMetadata(sizeLimit)
            .WithName("WriteReceiptMessage")
            .WithSummary("Sends a message to the organisation handling the case.");
        api.MapPost("/receipt/withdrawal", RequestWithdrawal).WithMetadata(sizeLimit)
            .WithName("RequestWithdrawal")
            .WithSummary("Asks to withdraw the complaint. It is recorded as a request and closes nothing by itself.");
        return api;
    }

    public static Ok<ChallengeResponse> NewChallenge(ProofOfWork proofOfWork) =>
        TypedResults.Ok(new ChallengeResponse(proofOfWork.IsOn, proofOfWork.IsOn ? proofOfWork.NewChallenge() : null, proofOfWork.Bits));

    public static async Task<Results<Created<FiledComplaintResponse>, ValidationProblem, ProblemHttpResult>> FileComplaint(HttpRequest request, ComplaintIntake intake, ProofOfWork proofOfWork, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var solution = request.Headers[ProofOfWork.Header].ToString();
        var separator = solution.LastIndexOf(':');
        if (await proofOfWork.CheckAsync(separator < 0 ? null : solution[..separator], separator < 0 ? null : solution[(separator + 1)..], waitingAllowed: false, cancellationToken) != ProofOfWorkCheck.Passed)
        {
            return TypedResults.Problem(localizer["Api.ProofOfWorkRequired"], statusCode: StatusCodes.Status428PreconditionRequired, title: localizer["Api.ProofOfWorkTitle"]);
        }

        var (read, refusal) = await JsonBody.ReadObjectAsync(request, localizer, cancellationToken);
        if (read is not { } body)
        {
            return refusal!;
        }

        var (form, typeProblems) = ComplaintJson.Read(body);
        var language = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
        var check = await intake.CheckPublicAsync(form, ComplaintRules.Languages.Contains(language) ? language : "ru", cancellationToken);
        if (check.NobodyCanReceive && typeProblems.Count == 0)
        {
            return TypedResults.Problem(localizer["Complaint.Problem.no-receiving-organisation"], statusCode: StatusCodes.Status503ServiceUnavailable, title: localizer["Api.Unavailable"]);
        }

        if (typeProblems.Count > 0 || !check.IsValid)
        {
            return TypedResults.ValidationProblem(ProblemText.ByField(localizer, ProblemArea.Complaint, [.. typeProblems, .. check.Problems]), title: localizer["Api.InvalidComplaint"]);
        }

        var newCase = await intake.StartAsync(check.Complaint!, check.Organisation!, IntakeChannel.Online, channelDetails: null, withReceipt: true, actorId: null, cancellationToken);
        await intake.CommitAsync(newCase, cancellationToken);
        return TypedResults.Created("/api/v1/receipt/case", new FiledComplaintResponse(newCase.Case.PublicId, newCase.Receipt!));
    }

    public static async Task<Results<Ok<ReceiptSessionResponse>, ValidationProblem, ProblemHttpResult>> OpenReceiptSession(HttpRequest request, ReceiptSessions sessions, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (read, refusal) = await JsonBody.ReadObjectAsync(request, localizer, cancellationToken);
        if (read is not { } body)
        {
            return refusal!;
        }

        var problems = new List<Problem>();
        var receipt = Receipt.Normalize(ComplaintJson.Text(body, "receipt", problems));
        if (receipt is null)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["receipt"] = [localizer["Receipt.Malformed"]] }, title: localizer["Api.InvalidQuery"]);
        }

        if (await sessions.StartAsync(receipt, cancellationToken) is not { } session)
        {
            return TypedResults.Problem(localizer["Receipt.Wrong"], statusCode: StatusCodes.Status401Unauthorized, title: localizer["Api.Unauthorised"]);
        }

        return TypedResults.Ok(new ReceiptSessionResponse(session.Token, session.ExpiresAt));
    }

    public static async Task<Results<Ok<ReceiptCaseResponse>, ProblemHttpResult>> ReadCase(HttpRequest request, ReceiptSessions sessions, CaseConversation conversation, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (await sessions.OpenAsync(ReceiptSessions.TokenOf(request), cancellationToken) is not { } access)
        {
            return NoSession(localizer);
        }

        var messages = await conversation.ReadAsync(access.Case.Id, access.CaseKey, cancellationToken);
        var status = ComplainantStatus.Of(access.Case);
        return TypedResults.Ok(new ReceiptCaseResponse(
            access.Case.PublicId,
            status,
            CaseText.ForComplainant(localizer, access.Case),
            [.. messages.Select(m => new ReceiptMessageResponse(
                m.Author == MessageAuthor.Complainant ? "complainant" : "organisation",
                new DateTimeOffset(m.SentAtUtc, TimeSpan.Zero),
                m.Text))]));
    }

    public static async Task<Results<Created<ReceiptMessageResponse>, ValidationProblem, ProblemHttpResult>> WriteMessage(HttpRequest request, ReceiptSessions sessions, CaseConversation conversation, Data.QorgauDbContext db, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (access, text, refused, invalid) = await ReadComplainantTextAsync(request, sessions, localizer, "text", required: true, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (access is null)
        {
            return refused!;
        }

        var message = await conversation.WriteAsync(access.Case, access.CaseKey, MessageAuthor.Complainant, null, text!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created((string?)null, new ReceiptMessageResponse("complainant", new DateTimeOffset(message.SentAtUtc, TimeSpan.Zero), text!.Trim()));
    }

    public static async Task<Results<Accepted<WithdrawalResponse>, ValidationProblem, ProblemHttpResult>> RequestWithdrawal(HttpRequest request, ReceiptSessions sessions, CaseConversation conversation, Data.QorgauDbContext db, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        var (access, reason, refused, invalid) = await ReadComplainantTextAsync(request, sessions, localizer, "reason", required: false, cancellationToken);
        if (invalid is not null)
        {
            return invalid;
        }

        if (access is null)
        {
            return refused!;
        }

        conversation.RequestWithdrawal(access.Case, access.CaseKey, MessageAuthor.Complainant, null, reason);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted((string?)null, new WithdrawalResponse("requested", localizer["Receipt.WithdrawalRecorded"]));
    }

    /// <summary>The complainant's open case and one text field of the body, or the answer to give: refused (401, 400, 413) or invalid (400 naming the field).</summary>
    private static async Task<(ComplainantAccess? Access, string? Text, ProblemHttpResult? Refused, ValidationProblem? Invalid)> ReadComplainantTextAsync(
        HttpRequest request, ReceiptSessions sessions, IStringLocalizer localizer, string field, bool required, CancellationToken cancellationToken)
    {
        if (await sessions.OpenAsync(ReceiptSessions.TokenOf(request), cancellationToken) is not { } access)
        {
            return (null, null, NoSession(localizer), null);
        }

        var (read, refusal) = await JsonBody.ReadObjectAsync(request, localizer, cancellationToken);
        if (read is not { } body)
        {
            return (null, null, refusal, null);
        }

        var problems = new List<Problem>();
        var text = ComplaintJson.Text(body, field, problems);
        if (problems.Count == 0 && CaseConversation.ProblemWith(field, text, required) is { } problem)
        {
            problems.Add(problem);
        }

        return problems.Count > 0
            ? (null, null, null, TypedResults.ValidationProblem(ProblemText.ByField(localizer, ProblemArea.Complaint, problems), title: localizer["Api.InvalidQuery"]))
            : (access, text, null, null);
    }

    private static ProblemHttpResult NoSession(IStringLocalizer localizer) =>
        TypedResults.Problem(localizer["Receipt.NoSession"], statusCode: StatusCodes.Status401Unauthorized, title: localizer["Api.Unauthorised"]);
}

/// <summary>The request body of <c>POST /api/v1/complaints</c>, for the OpenAPI document (the endpoint reads the JSON field by field).</summary>
public sealed record ComplaintRequest(
    string Account,
    string? Language,
    string? Organisation,
    string? ReporterRelation,
    string? IncidentFrom,
    string? IncidentTo,
    string? Region,
    string? FacilityId,
    string? Place,
    string? AccusedAgency,
    string? IllTreatment,
    string[]? Methods,
    string? VictimSex,
    string? VictimAgeBand,
    string? VictimLegalStatus,
    string[]? Vulnerabilities,
    bool? VictimStillHeld,
    string? Contact,
    bool? ContactAllowed,
    bool? ConsentToShare);

public sealed record ChallengeResponse(bool Required, string? Challenge, int Bits);

public sealed record FiledComplaintResponse(string PublicId, string Receipt);

public sealed record ReceiptSessionResponse(string Token, DateTimeOffset ExpiresAt);

public sealed record ReceiptCaseResponse(string PublicId, string Status, string StatusText, ReceiptMessageResponse[] Messages);

public sealed record ReceiptMessageResponse(string From, DateTimeOffset SentAt, string Text);

public sealed record WithdrawalResponse(string Status, string Message);
