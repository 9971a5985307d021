using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Intake;

/// <summary>
/// JSON bodies over <c>Intake:MaxJsonBytes</c> (256 KiB) are refused with 413, never a 500. The limit
/// is enforced by the server, which the in-memory test server does not do, so these tests run the app
/// on Kestrel.
/// </summary>
public sealed class IntakeBodySizeTests(IntakeBodySizeTests.KestrelFactory app) : IClassFixture<IntakeBodySizeTests.KestrelFactory>
{
    private const int Limit = 256 * 1024;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_complaint_of_exactly_the_limit_is_accepted_and_one_byte_more_is_413()
    {
        var client = app.CreateKestrelClient();
        var before = await CaseCountAsync(app);

        var atLimit = await PostRawAsync(client, ComplaintsUrl, PaddedComplaint(Limit));
        var overLimit = await PostRawAsync(client, ComplaintsUrl, PaddedComplaint(Limit + 1));

        atLimit.StatusCode.ShouldBe(HttpStatusCode.Created, await atLimit.Content.ReadAsStringAsync(Cancel));
        await ProblemAsync(overLimit, HttpStatusCode.RequestEntityTooLarge);
        (await CaseCountAsync(app)).ShouldBe(before + 1);
    }

    [Fact]
    public async Task A_streamed_complaint_over_the_limit_without_a_length_is_413_not_500()
    {
        var client = app.CreateKestrelClient();
        var before = await CaseCountAsync(app);

        var response = await PostAsync(client, ComplaintsUrl, new { account = "x", padding = new string('p', 300 * 1024) });

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        (await CaseCountAsync(app)).ShouldBe(before);
    }

    [Fact]
    public async Task A_receipt_session_request_over_the_limit_is_413()
    {
        var response = await PostAsync(app.CreateKestrelClient(), SessionUrl, new { receipt = "1234 5678 9012 3456", padding = new string('p', 300 * 1024) });

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task A_message_or_withdrawal_over_the_limit_is_413_and_nothing_is_stored()
    {
        var client = app.CreateKestrelClient();
        var filed = await FileAsync(client, "Size limit on messages.");
        var token = await OpenSessionAsync(client, filed.Receipt);

        var message = await PostAsync(client, MessagesUrl, new { text = new string('t', 300 * 1024) }, token);
        var withdrawal = await PostAsync(client, WithdrawalUrl, new { reason = new string('r', 300 * 1024) }, token);

        await ProblemAsync(message, HttpStatusCode.RequestEntityTooLarge);
        await ProblemAsync(withdrawal, HttpStatusCode.RequestEntityTooLarge);
        var read = await ReadCaseAsync(client, token);
        read.GetProperty("messages").GetArrayLength().ShouldBe(0);
    }

    /// <summary>A valid complaint whose UTF-8 body is exactly <paramref name="bytes"/> long (the padding is an ignored property).</summary>
    private static string PaddedComplaint(int bytes)
    {
        const string Start = "{\"account\":\"Padded.\",\"padding\":\"";
        const string End = "\"}";
        var body = Start + new string('p', bytes - Start.Length - End.Length) + End;
        Encoding.UTF8.GetByteCount(body).ShouldBe(bytes);
        return body;
    }

    /// <summary>The demo installation served by Kestrel on a free loopback port.</summary>
    public sealed class KestrelFactory : DemoAppFactory
    {
        public KestrelFactory() => UseKestrel(0);

        public override async ValueTask InitializeAsync()
        {
            await base.InitializeAsync();
            StartServer();
        }

        /// <summary>A client of the Kestrel address (the base class's clients default to http://localhost).</summary>
        public HttpClient CreateKestrelClient()
        {
            var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = ClientOptions.BaseAddress, AllowAutoRedirect = false });
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
            return client;
        }
    }
}
