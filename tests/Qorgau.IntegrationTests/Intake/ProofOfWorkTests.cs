using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qorgau.IntegrationTests.Infrastructure;
using Qorgau.Web.Features.Intake;

namespace Qorgau.IntegrationTests.Intake;

/// <summary>
/// The attack-period switch: filings carry a solved challenge (scripts, API clients) or, for a browser
/// without JavaScript, a form opened long enough ago. Nobody without JavaScript is shut out.
/// </summary>
public sealed partial class ProofOfWorkTests(ProofOfWorkTests.SwitchedOnFactory app) : IClassFixture<ProofOfWorkTests.SwitchedOnFactory>
{
    private const int Bits = 8;

    [Fact]
    public async Task The_api_refuses_a_filing_without_a_solved_challenge_and_takes_one_with_it_once()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        await IntakeApi.ProblemAsync(await IntakeApi.PostAsync(client, IntakeApi.ComplaintsUrl, new { account = "no proof" }), HttpStatusCode.PreconditionRequired);

        var challenge = (await client.GetFromJsonAsync<JsonElement>(new Uri("/api/v1/complaints/challenge", UriKind.Relative), TestContext.Current.CancellationToken));
        challenge.GetProperty("required").GetBoolean().ShouldBeTrue();
        challenge.GetProperty("bits").GetInt32().ShouldBe(Bits);
        var solution = Solve(challenge.GetProperty("challenge").GetString()!);

        (await PostWithProofAsync(client, solution)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await IntakeApi.ProblemAsync(await PostWithProofAsync(client, solution), HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public async Task Without_javascript_a_form_sent_too_soon_is_kept_and_the_same_form_goes_through_after_the_wait()
    {
        var client = app.CreateClient(acceptLanguage: "en");
        await PostFormAsync(client, "warm-up", "warm-up");
        var page = await client.GetStringAsync(new Uri("/complaint", UriKind.Relative), TestContext.Current.CancellationToken);
        var challenge = ChallengeField().Match(page).Groups[1].Value;
        challenge.ShouldNotBeEmpty();

        var early = await PostFormAsync(client, challenge, "Written in a hurry");
        var earlyPage = await early.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        earlyPage.ShouldContain("please wait");
        earlyPage.ShouldContain("Written in a hurry");
        var kept = ChallengeField().Match(earlyPage).Groups[1].Value;
        kept.ShouldBe(challenge);

        await Task.Delay(TimeSpan.FromSeconds(3.2), TestContext.Current.CancellationToken);
        var later = await PostFormAsync(client, kept, "Written in a hurry");
        (await later.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).ShouldContain("id=\"receipt\"");
    }

    [Fact]
    public async Task A_challenge_spent_on_one_app_node_is_refused_on_another()
    {
        await using var secondNode = app.SecondNode();
        var challenge = await app.CreateClient(acceptLanguage: "en").GetFromJsonAsync<JsonElement>(new Uri("/api/v1/complaints/challenge", UriKind.Relative), TestContext.Current.CancellationToken);
        var solution = Solve(challenge.GetProperty("challenge").GetString()!);

        (await PostWithProofAsync(app.CreateClient(acceptLanguage: "en"), solution)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var replay = await PostWithProofAsync(secondNode.CreateClient(acceptLanguage: "en"), solution);

        await IntakeApi.ProblemAsync(replay, HttpStatusCode.PreconditionRequired);
    }

    [Fact]
    public void A_solution_needs_the_leading_zero_bits()
    {
        var solution = Solve("some-challenge");
        var nonce = solution[(solution.LastIndexOf(':') + 1)..];

        ProofOfWork.HasLeadingZeroBits("some-challenge", nonce, Bits).ShouldBeTrue();
        Enumerable.Range(0, 50).Count(n => ProofOfWork.HasLeadingZeroBits("some-challenge", n.ToString(System.Globalization.CultureInfo.InvariantCulture), 20)).ShouldBeLessThan(50);
    }

    private static string Solve(string challenge)
    {
        for (var nonce = 0; ; nonce++)
        {
            var text = nonce.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (ProofOfWork.HasLeadingZeroBits(challenge, text, Bits))
            {
                return $"{challenge}:{text}";
            }
        }
    }

    private static async Task<HttpResponseMessage> PostWithProofAsync(HttpClient client, string solution)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, IntakeApi.Path(IntakeApi.ComplaintsUrl)) { Content = JsonContent.Create(new { account = "with proof" }) };
        request.Headers.Add(ProofOfWork.Header, solution);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string challenge, string account)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(await StaffBrowser.FormTokenAsync(client, "/complaint")), StaffBrowser.TokenField },
            { new StringContent(challenge), "challenge" },
            { new StringContent(string.Empty), "pow" },
            { new StringContent(account), "account" },
        };
        return await client.PostAsync(new Uri("/complaint", UriKind.Relative), form, TestContext.Current.CancellationToken);
    }

    [GeneratedRegex("name=\"challenge\" id=\"challenge\" value=\"([^\"]+)\"")]
    private static partial Regex ChallengeField();

    public sealed class SwitchedOnFactory : DemoAppFactory
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
        {
            ["Intake:ProofOfWork"] = "true",
            ["Intake:ProofOfWorkBits"] = Bits.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Intake:ProofOfWorkWaitSeconds"] = "3",
        };
    }
}
