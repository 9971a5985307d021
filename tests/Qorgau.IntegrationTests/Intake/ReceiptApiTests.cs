using System.Buffers.Text;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Web.Features.Intake;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Intake;

/// <summary>The complainant's side of the API: a receipt opens a session; the bearer token reads and writes that one case.</summary>
public sealed class ReceiptApiTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_receipt_typed_in_groups_of_four_opens_a_session_of_thirty_minutes()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "Receipt with spaces.");
        var typed = Receipt.Format(filed.Receipt);

        var response = await PostAsync(client, SessionUrl, new { receipt = typed });
        var body = await response.Content.ReadAsStringAsync(Cancel);

        typed.ShouldMatch("^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var json = JsonDocument.Parse(body).RootElement;
        PropertyNames(json).ShouldBe(["token", "expiresAt"], ignoreOrder: true);
        json.GetProperty("token").GetString().ShouldNotBeNullOrWhiteSpace();
        json.GetProperty("expiresAt").GetDateTimeOffset().ShouldBeInRange(app.Clock.GetUtcNow().AddMinutes(29), app.Clock.GetUtcNow().AddMinutes(31));
        (await ReadCaseAsync(client, json.GetProperty("token").GetString()!)).GetProperty("publicId").GetString().ShouldBe(filed.PublicId);
    }

    [Fact]
    public async Task A_receipt_with_dashes_or_without_separators_opens_the_same_case()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "Receipt with dashes.");

        var dashed = await OpenSessionAsync(client, Receipt.Format(filed.Receipt).Replace(' ', '-'));
        var plain = await OpenSessionAsync(client, filed.Receipt);

        (await ReadCaseAsync(client, dashed)).GetProperty("publicId").GetString().ShouldBe(filed.PublicId);
        (await ReadCaseAsync(client, plain)).GetProperty("publicId").GetString().ShouldBe(filed.PublicId);
        plain.ShouldNotBe(dashed, "each session has its own token");
    }

    [Fact]
    public async Task A_wrong_receipt_is_401_problem_details()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "Wrong receipt.");

        var response = await PostAsync(client, SessionUrl, new { receipt = NearMiss(filed.Receipt) });

        var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString().ShouldBe("This receipt does not open any case. Check the digits and try again.");
        problem.TryGetProperty("token", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("""{"receipt":"1234"}""")]
    [InlineData("""{"receipt":"12345678901234567"}""")]
    [InlineData("""{"receipt":"abcd efgh ijkl mnop"}""")]
    [InlineData("""{"receipt":"1234 5678 9012 345x"}""")]
    [InlineData("""{"receipt":""}""")]
    [InlineData("""{"receipt":1234567890123456}""")]
    [InlineData("""{}""")]
    public async Task A_receipt_that_is_not_16_digits_is_a_400_naming_receipt(string body)
    {
        var response = await PostRawAsync(app.CreateClient(acceptLanguage: "en"), SessionUrl, body);

        var (problem, fields) = await ValidationProblemAsync(response);
        fields.ShouldBe(["receipt"]);
        ErrorText(problem, "receipt").ShouldBe("A receipt is 16 digits, for example 1234 5678 9012 3456.");
    }

    [Fact]
    public async Task A_session_request_that_is_not_a_JSON_object_is_a_400_problem()
    {
        var response = await PostRawAsync(app.CreateClient(acceptLanguage: "en"), SessionUrl, "1234567890123456");

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).GetProperty("detail").GetString().ShouldBe("The body must be a JSON object.");
    }

    [Fact]
    public async Task A_new_case_reads_as_received_with_no_messages()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "New case.");
        var token = await OpenSessionAsync(client, filed.Receipt);

        var json = await ReadCaseAsync(client, token);

        json.GetProperty("publicId").GetString().ShouldBe(filed.PublicId);
        json.GetProperty("status").GetString().ShouldBe("received");
        json.GetProperty("statusText").GetString().ShouldBe("Received. It has not been read yet.");
        json.GetProperty("messages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_status_text_is_in_the_request_language()
    {
        var english = app.CreateClient(acceptLanguage: "en");
        var token = await OpenSessionAsync(english, (await FileAsync(english, "Status language.")).Receipt);

        var json = await ReadCaseAsync(app.CreateClient(acceptLanguage: "ru"), token);

        json.GetProperty("status").GetString().ShouldBe("received");
        json.GetProperty("statusText").GetString().ShouldBe("Получена. Её ещё не прочитали.");
    }

    [Fact]
    public async Task A_message_from_the_complainant_is_201_then_listed_and_stored_only_as_ciphertext()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "Messages.");
        var token = await OpenSessionAsync(client, filed.Receipt);
        var text = $"MESSAGE-CANARY-{Guid.NewGuid():N}";

        var response = await PostAsync(client, MessagesUrl, new { text = $"  {text}\n" }, token);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, body);
        var created = JsonDocument.Parse(body).RootElement;
        created.GetProperty("from").GetString().ShouldBe("complainant");
        created.GetProperty("text").GetString().ShouldBe(text);

        var messages = (await ReadCaseAsync(client, token)).GetProperty("messages");
        messages.GetArrayLength().ShouldBe(1);
        PropertyNames(messages[0]).ShouldBe(["from", "sentAt", "text"], ignoreOrder: true);
        messages[0].GetProperty("from").GetString().ShouldBe("complainant");
        messages[0].GetProperty("text").GetString().ShouldBe(text);
        messages[0].GetProperty("sentAt").GetDateTimeOffset().ShouldBeInRange(app.Clock.GetUtcNow().AddMinutes(-5), app.Clock.GetUtcNow().AddMinutes(1));

        var caseId = (await CaseAsync(app, filed.PublicId)).Id;
        var stored = await app.WithDbAsync(db => db.CaseMessages.Where(m => m.CaseId == caseId).ToListAsync());
        stored.Count.ShouldBe(1);
        stored[0].Author.ShouldBe(MessageAuthor.Complainant);
        stored[0].AuthorUserId.ShouldBeNull();
        Contains(stored[0].TextCipher, text).ShouldBeFalse("the message is stored encrypted");
    }

    [Fact]
    public async Task Messages_are_listed_in_the_order_they_were_sent()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await OpenSessionAsync(client, (await FileAsync(client, "Order of messages.")).Receipt);

        foreach (var text in new[] { "one", "two", "three" })
        {
            (await PostAsync(client, MessagesUrl, new { text }, token)).StatusCode.ShouldBe(HttpStatusCode.Created);
        }

        var messages = (await ReadCaseAsync(client, token)).GetProperty("messages");
        messages.EnumerateArray().Select(m => m.GetProperty("text").GetString()).ShouldBe(["one", "two", "three"]);
    }

    [Theory]
    [InlineData("""{"text":""}""")]
    [InlineData("""{"text":"   "}""")]
    [InlineData("""{"text":null}""")]
    [InlineData("""{"text":7}""")]
    [InlineData("""{}""")]
    public async Task An_empty_or_missing_message_is_a_400_naming_text_and_nothing_is_stored(string body)
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "Empty message.");
        var token = await OpenSessionAsync(client, filed.Receipt);

        var response = await PostRawAsync(client, MessagesUrl, body, token: token);

        var (_, fields) = await ValidationProblemAsync(response);
        fields.ShouldBe(["text"]);
        (await ReadCaseAsync(client, token)).GetProperty("messages").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_message_longer_than_20000_characters_is_a_400_naming_text()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await OpenSessionAsync(client, (await FileAsync(client, "Long message.")).Receipt);

        var response = await PostAsync(client, MessagesUrl, new { text = new string('m', 20_001) }, token);

        var (problem, fields) = await ValidationProblemAsync(response);
        fields.ShouldBe(["text"]);
        ErrorText(problem, "text").ShouldContain("20000");
    }

    [Fact]
    public async Task A_withdrawal_request_is_202_and_recorded_but_closes_nothing()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "Withdrawal.");
        var token = await OpenSessionAsync(client, filed.Receipt);
        var reason = $"REASON-CANARY-{Guid.NewGuid():N}";

        var response = await PostAsync(client, WithdrawalUrl, new { reason }, token);
        var body = await response.Content.ReadAsStringAsync(Cancel);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, body);
        JsonDocument.Parse(body).RootElement.GetProperty("status").GetString().ShouldBe("requested");
        var stored = await CaseAsync(app, filed.PublicId);
        stored.Status.ShouldBe(CaseStatus.Received, "a withdrawal closes nothing by itself");
        var withdrawals = await app.WithDbAsync(db => db.Withdrawals.Where(w => w.CaseId == stored.Id).ToListAsync());
        withdrawals.Count.ShouldBe(1);
        withdrawals[0].RequestedBy.ShouldBe(MessageAuthor.Complainant);
        withdrawals[0].ReasonCipher.ShouldNotBeNull();
        Contains(withdrawals[0].ReasonCipher!, reason).ShouldBeFalse("the reason is stored encrypted");
        (await app.WithDbAsync(db => db.CaseEvents.CountAsync(e => e.CaseId == stored.Id && e.Kind == CaseEventKind.WithdrawalRequested))).ShouldBe(1);
        (await ReadCaseAsync(client, token)).GetProperty("status").GetString().ShouldBe("received", "the session still works and the case is still open");
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"reason":null}""")]
    public async Task A_withdrawal_needs_no_reason(string body)
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "Withdrawal without a reason.");
        var token = await OpenSessionAsync(client, filed.Receipt);

        var response = await PostRawAsync(client, WithdrawalUrl, body, token: token);

        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Cancel));
        var caseId = (await CaseAsync(app, filed.PublicId)).Id;
        (await app.WithDbAsync(db => db.Withdrawals.Where(w => w.CaseId == caseId).Select(w => w.ReasonCipher).SingleAsync())).ShouldBeNull();
    }

    [Theory]
    [InlineData("""{"reason":42}""")]
    [InlineData("""{"reason":["no"]}""")]
    public async Task A_withdrawal_reason_that_is_not_text_is_a_400_naming_reason_and_nothing_is_recorded(string body)
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "Withdrawal with a bad reason.");
        var token = await OpenSessionAsync(client, filed.Receipt);

        var (_, fields) = await ValidationProblemAsync(await PostRawAsync(client, WithdrawalUrl, body, token: token));

        fields.ShouldBe(["reason"]);
        var caseId = (await CaseAsync(app, filed.PublicId)).Id;
        (await app.WithDbAsync(db => db.Withdrawals.CountAsync(w => w.CaseId == caseId))).ShouldBe(0);
    }

    [Fact]
    public async Task Without_a_token_every_receipt_endpoint_is_401()
    {
        var client = app.CreateClient(acceptLanguage: "en");

        var read = await GetCaseAsync(client, token: null);
        var message = await PostAsync(client, MessagesUrl, new { text = "hello" });
        var withdrawal = await PostAsync(client, WithdrawalUrl, new { reason = "none" });

        foreach (var response in new[] { read, message, withdrawal })
        {
            var problem = await ProblemAsync(response, HttpStatusCode.Unauthorized);
            problem.GetProperty("detail").GetString().ShouldBe("Open your case with your receipt first, or open it again: sessions end after 30 minutes.");
        }
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("Zm9v")]
    [InlineData("!!!!not-base64url!!!!")]
    public async Task A_garbage_token_is_401(string token)
    {
        var client = app.CreateClient(acceptLanguage: "en");

        await ProblemAsync(await GetCaseAsync(client, token), HttpStatusCode.Unauthorized);
        await ProblemAsync(await PostAsync(client, MessagesUrl, new { text = "hello" }, token), HttpStatusCode.Unauthorized);
        await ProblemAsync(await PostAsync(client, WithdrawalUrl, new { reason = "none" }, token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_well_formed_token_of_no_session_is_401()
    {
        var made = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(48));

        await ProblemAsync(await GetCaseAsync(app.CreateClient(acceptLanguage: "en"), made), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_whose_secret_was_altered_is_401_though_its_session_exists()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await OpenSessionAsync(client, (await FileAsync(client, "Altered token.")).Receipt);
        var altered = Tampered(token);

        SessionIdOf(altered).ShouldBe(SessionIdOf(token));
        await ProblemAsync(await GetCaseAsync(client, altered), HttpStatusCode.Unauthorized);
        await ProblemAsync(await PostAsync(client, MessagesUrl, new { text = "hello" }, altered), HttpStatusCode.Unauthorized);
        await ReadCaseAsync(client, token);
    }

    [Fact]
    public async Task The_token_of_an_expired_session_is_401()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await OpenSessionAsync(client, (await FileAsync(client, "Expired session.")).Receipt);
        await ReadCaseAsync(client, token);
        var sessionId = SessionIdOf(token);

        var updated = await app.WithDbAsync(db => db.ReceiptSessions.Where(s => s.Id == sessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ExpiresAtUtc, app.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1)), Cancel));

        updated.ShouldBe(1);
        await ProblemAsync(await GetCaseAsync(client, token), HttpStatusCode.Unauthorized);
        await ProblemAsync(await PostAsync(client, MessagesUrl, new { text = "too late" }, token), HttpStatusCode.Unauthorized);
        await ProblemAsync(await PostAsync(client, WithdrawalUrl, new { reason = "too late" }, token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_token_of_an_ended_session_is_401()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await OpenSessionAsync(client, (await FileAsync(client, "Ended session.")).Receipt);
        await ReadCaseAsync(client, token);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReceiptSessions>().EndAsync(token, Cancel);
        }

        var sessionId = SessionIdOf(token);
        (await app.WithDbAsync(db => db.ReceiptSessions.CountAsync(s => s.Id == sessionId))).ShouldBe(0);
        await ProblemAsync(await GetCaseAsync(client, token), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_token_for_one_case_never_shows_or_writes_to_another()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var caseA = await FileAsync(client, "Case A.");
        var caseB = await FileAsync(client, "Case B.");
        var tokenA = await OpenSessionAsync(client, caseA.Receipt);
        var tokenB = await OpenSessionAsync(client, caseB.Receipt);

        (await PostAsync(client, MessagesUrl, new { text = "only for A" }, tokenA)).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await PostAsync(client, WithdrawalUrl, new { reason = "A withdraws" }, tokenA)).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        var readA = await ReadCaseAsync(client, tokenA);
        var readB = await ReadCaseAsync(client, tokenB);
        readA.GetProperty("publicId").GetString().ShouldBe(caseA.PublicId);
        readA.GetProperty("messages").GetArrayLength().ShouldBe(1);
        readB.GetProperty("publicId").GetString().ShouldBe(caseB.PublicId);
        readB.GetProperty("messages").GetArrayLength().ShouldBe(0);
        var idB = (await CaseAsync(app, caseB.PublicId)).Id;
        (await app.WithDbAsync(db => db.CaseMessages.CountAsync(m => m.CaseId == idB))).ShouldBe(0);
        (await app.WithDbAsync(db => db.Withdrawals.CountAsync(w => w.CaseId == idB))).ShouldBe(0);
    }

    [Fact]
    public async Task The_receipt_session_pages_cookie_does_not_stand_in_for_a_bad_bearer_token()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        var token = await OpenSessionAsync(client, (await FileAsync(client, "Cookie and bearer.")).Receipt);
        client.DefaultRequestHeaders.Add("Cookie", $"{ReceiptSessions.CookieName}={token}");

        await ProblemAsync(await GetCaseAsync(client, "garbage"), HttpStatusCode.Unauthorized);
    }

    private static bool Contains(byte[] haystack, string text) => haystack.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;
}
