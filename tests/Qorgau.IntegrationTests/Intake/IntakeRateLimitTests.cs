using System.Globalization;
using System.Net;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Intake;

/// <summary>
/// The two doors that cost an Argon2id derivation are rate-limited per client: two receipt attempts
/// and two filings here. Each test has its own installation, so that the counters start at zero.
/// </summary>
public sealed class IntakeRateLimitTests : IAsyncLifetime
{
    private readonly DemoAppFactory _app = new() { Settings = new Dictionary<string, string?> { ["Intake:ReceiptAttemptsPerClient"] = "2", ["Intake:FilingsPerClient"] = "2" } };

    [Fact]
    public async Task A_third_receipt_attempt_is_429_with_Retry_After_even_with_the_right_receipt()
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "Rate limit on receipts.");

        var first = await PostAsync(client, SessionUrl, new { receipt = NearMiss(filed.Receipt) });
        var second = await PostAsync(client, SessionUrl, new { receipt = NearMiss(NearMiss(filed.Receipt)) });
        var third = await PostAsync(client, SessionUrl, new { receipt = filed.Receipt });

        first.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        second.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var problem = await ProblemAsync(third, HttpStatusCode.TooManyRequests);
        var seconds = RetryAfterSeconds(third);
        seconds.ShouldBeInRange(1, 15 * 60, "within the 15-minute window");
        problem.GetProperty("detail").GetString().ShouldBe($"Too many attempts. Try again in {seconds} seconds.");
        problem.TryGetProperty("token", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Malformed_receipts_count_as_attempts_too()
    {
        var client = _app.CreateClient(acceptLanguage: "en");

        (await PostAsync(client, SessionUrl, new { receipt = "1" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostRawAsync(client, SessionUrl, "not json")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var third = await PostAsync(client, SessionUrl, new { receipt = "1234 5678 9012 3456" });

        await ProblemAsync(third, HttpStatusCode.TooManyRequests);
        RetryAfterSeconds(third).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task An_open_session_keeps_working_when_receipt_attempts_are_exhausted()
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "Session survives the limit.");
        var token = await OpenSessionAsync(client, filed.Receipt);
        (await PostAsync(client, SessionUrl, new { receipt = NearMiss(filed.Receipt) })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var refused = await PostAsync(client, SessionUrl, new { receipt = filed.Receipt });
        var read = await GetCaseAsync(client, token);
        var message = await PostAsync(client, MessagesUrl, new { text = "still here" }, token);

        refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        message.StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_third_filing_is_429_with_Retry_After_and_stores_nothing()
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        await FileAsync(client, "First.");
        await FileAsync(client, "Second.");
        var before = await CaseCountAsync(_app);

        var third = await PostAsync(client, ComplaintsUrl, new { account = "Third." });

        await ProblemAsync(third, HttpStatusCode.TooManyRequests);
        RetryAfterSeconds(third).ShouldBeInRange(1, 60 * 60, "within the one-hour window");
        (await CaseCountAsync(_app)).ShouldBe(before);
    }

    [Fact]
    public async Task Invalid_filings_count_as_attempts_too()
    {
        var client = _app.CreateClient(acceptLanguage: "en");

        (await PostAsync(client, ComplaintsUrl, new { account = "" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await PostAsync(client, ComplaintsUrl, new { account = "", region = "KZ-99" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var third = await PostAsync(client, ComplaintsUrl, new { account = "A valid one, too late." });

        await ProblemAsync(third, HttpStatusCode.TooManyRequests);
        (await CaseCountAsync(_app)).ShouldBe(0);
    }

    [Fact]
    public async Task Exhausting_filings_does_not_lock_the_receipt_door()
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "First.");
        await FileAsync(client, "Second.");
        (await PostAsync(client, ComplaintsUrl, new { account = "Third." })).StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        await OpenSessionAsync(client, filed.Receipt);
    }

    [Theory]
    [InlineData("/api/v1/receipt/session/")]
    [InlineData("/API/V1/Receipt/Session")]
    public async Task The_receipt_limit_cannot_be_sidestepped_by_spelling_the_address_differently(string address)
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        var filed = await FileAsync(client, "Spelling of the address.");
        (await PostAsync(client, SessionUrl, new { receipt = NearMiss(filed.Receipt) })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await PostAsync(client, SessionUrl, new { receipt = NearMiss(NearMiss(filed.Receipt)) })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var response = await PostAsync(client, address, new { receipt = filed.Receipt });

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, $"{address} reaches the receipt endpoint, so it must count against the same limit");
    }

    [Theory]
    [InlineData("/api/v1/complaints/")]
    [InlineData("/API/v1/Complaints")]
    public async Task The_filing_limit_cannot_be_sidestepped_by_spelling_the_address_differently(string address)
    {
        var client = _app.CreateClient(acceptLanguage: "en");
        await FileAsync(client, "First.");
        await FileAsync(client, "Second.");
        var before = await CaseCountAsync(_app);

        var response = await PostAsync(client, address, new { account = "Third, by another address." });

        response.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests, $"{address} reaches the filing endpoint, so it must count against the same limit");
        (await CaseCountAsync(_app)).ShouldBe(before);
    }

    [Fact]
    public async Task The_429_is_explained_in_the_request_language()
    {
        var client = _app.CreateClient(acceptLanguage: "ru");
        await PostAsync(client, SessionUrl, new { receipt = "1234 5678 9012 3456" });
        await PostAsync(client, SessionUrl, new { receipt = "1234 5678 9012 3457" });

        var third = await PostAsync(client, SessionUrl, new { receipt = "1234 5678 9012 3458" });

        var problem = await ProblemAsync(third, HttpStatusCode.TooManyRequests);
        problem.GetProperty("title").GetString().ShouldBe("Слишком много попыток");
        problem.GetProperty("detail").GetString().ShouldBe($"Слишком много попыток. Повторите через {RetryAfterSeconds(third)} с.");
    }

    private static int RetryAfterSeconds(HttpResponseMessage response)
    {
        var values = response.Headers.GetValues("Retry-After").ToList();
        values.Count.ShouldBe(1);
        int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds).ShouldBeTrue($"Retry-After '{values[0]}' is a number of seconds");
        return seconds;
    }

    public async ValueTask InitializeAsync() => await _app.InitializeAsync();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
