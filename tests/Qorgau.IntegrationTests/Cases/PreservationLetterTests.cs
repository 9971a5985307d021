using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Qorgau.Domain.Preservation;
using static Qorgau.IntegrationTests.Intake.IntakeApi;

namespace Qorgau.IntegrationTests.Cases;

/// <summary>
/// The preservation letter goes to the prosecutor who supervises the facility (the profile names one per
/// agency), never to the head of the facility; it carries the request's own reference, never the case
/// number; and it warns before printing when the complainant did not agree to sharing and is still held.
/// </summary>
public sealed partial class PreservationLetterTests(DemoAppFactory app) : IClassFixture<DemoAppFactory>
{
    private const string PoliceIsolator = "demo-kz10-ivs-1";
    private const string PenalColony = "demo-kz10-colony-medium-1";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_letter_about_a_police_isolator_goes_to_the_prosecutor_of_its_region_and_never_to_its_head()
    {
        var (_, request) = await FileAsync(PoliceIsolator, consentToShare: true, stillHeld: false);
        var supervisor = await app.SignInAsync("supervisor");

        var page = await supervisor.GetPageAsync(LetterUrl(request));

        ToLines(page).ShouldBe([
            "Кімге: Облыстың (республикалық маңызы бар қаланың) прокуратурасы, Абай облысы",
            "Кому: Прокуратура области (города республиканского значения), область Абай",
            "To: Prosecutor&#x27;s office of the region (city of republican significance), Abai Region",
        ]);
        page.ShouldNotContain("head of", Case.Insensitive);
        page.ShouldNotContain("Руководителю");
        page.ShouldNotContain("Басшысына");
        page.ShouldContain("Semey Police Temporary Detention Isolator", customMessage: "the body still names the place whose footage is asked for");
    }

    [Fact]
    public async Task A_letter_about_a_penal_institution_goes_to_the_prosecutor_supervising_penal_institutions()
    {
        var (_, request) = await FileAsync(PenalColony, consentToShare: true, stillHeld: false);
        var supervisor = await app.SignInAsync("supervisor");

        var page = await supervisor.GetPageAsync(LetterUrl(request));

        ToLines(page).ShouldContain("To: Prosecutor&#x27;s office supervising the lawfulness of penal institutions, Abai Region");
        ToLines(page).ShouldContain("Кому: Прокуратура, осуществляющая надзор за законностью в учреждениях уголовно-исполнительной системы, область Абай");
        ToLines(page).ShouldAllBe(line => !line.Contains("Semey Medium Security Institution", StringComparison.Ordinal) && !line.Contains("средней безопасности", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_letter_carries_its_own_reference_and_never_the_case_number_the_complainant_holds()
    {
        var (publicId, request) = await FileAsync(PoliceIsolator, consentToShare: true, stillHeld: false);
        var (_, other) = await FileAsync(PoliceIsolator, consentToShare: true, stillHeld: false);
        var supervisor = await app.SignInAsync("supervisor");

        var page = await supervisor.GetPageAsync(LetterUrl(request));

        PreservationReference.IsWellFormed(request.Reference).ShouldBeTrue(request.Reference);
        request.Reference.ShouldNotBe(other.Reference);
        LetterUrl(request).ShouldNotContain(publicId, customMessage: "browsers print the page's address on the letter");
        var letters = Letters(page);
        letters.Count.ShouldBe(3);
        letters.ShouldAllBe(letter => letter.Contains(request.Reference, StringComparison.Ordinal));
        letters.ShouldAllBe(letter => !letter.Contains(publicId, StringComparison.Ordinal));
        var numberWithoutPrefix = publicId[3..];
        letters.ShouldAllBe(letter => !letter.Contains(numberWithoutPrefix, StringComparison.Ordinal));
        (await supervisor.GetPageAsync($"/cases/{publicId}/preservation")).ShouldContain(request.Reference, customMessage: "staff find the request by the reference a reply quotes");
    }

    [Fact]
    public async Task A_complainant_still_held_who_did_not_consent_to_sharing_is_warned_about_before_the_letter_is_shown()
    {
        var (publicId, request) = await FileAsync(PoliceIsolator, consentToShare: false, stillHeld: true);
        var supervisor = await app.SignInAsync("supervisor");

        var warning = await supervisor.GetAsync(LetterUrl(request));
        var warningPage = await warning.Content.ReadAsStringAsync(Cancel);

        warning.StatusCode.ShouldBe(HttpStatusCode.OK);
        warningPage.ShouldContain("id=\"print-warning\"");
        warningPage.ShouldContain("did not agree to sharing and is still held");
        Letters(warningPage).ShouldBeEmpty();
        warningPage.ShouldNotContain(request.Reference);
        warningPage.ShouldNotContain("<script", Case.Insensitive, "the confirmation is a plain link: it works without JavaScript");
        var confirm = ConfirmLink().Match(warningPage);
        confirm.Success.ShouldBeTrue();
        confirm.Groups["href"].Value.ShouldNotContain(publicId);

        var confirmed = await supervisor.GetPageAsync(WebUtility.HtmlDecode(confirm.Groups["href"].Value));

        confirmed.ShouldNotContain("id=\"print-warning\"");
        Letters(confirmed).Count.ShouldBe(3);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public async Task No_warning_stands_before_the_letter_when_the_complainant_consented_or_is_not_held(bool consentToShare, bool stillHeld)
    {
        var (_, request) = await FileAsync(PoliceIsolator, consentToShare, stillHeld);
        var supervisor = await app.SignInAsync("supervisor");

        var page = await supervisor.GetPageAsync(LetterUrl(request));

        page.ShouldNotContain("id=\"print-warning\"");
        Letters(page).Count.ShouldBe(3);
    }

    private async Task<(string PublicId, PreservationRequest Request)> FileAsync(string facility, bool consentToShare, bool stillHeld)
    {
        var filed = await Qorgau.IntegrationTests.Intake.IntakeApi.FileAsync(app.CreateClient(acceptLanguage: "en"), new
        {
            account = "Beaten in the interview room.",
            facilityId = facility,
            incidentFrom = app.Day(-2),
            consentToShare,
            victimStillHeld = stillHeld,
        });
        var request = await app.WithDbAsync(db => db.PreservationRequests.AsNoTracking()
            .SingleAsync(p => db.Cases.Any(c => c.Id == p.CaseId && c.PublicId == filed.PublicId), Cancel));
        return (filed.PublicId, request);
    }

    private static string LetterUrl(PreservationRequest request) => $"/cases/preservation/{request.Id}/letter";

    private static List<string> ToLines(string page) => [.. ToLine().Matches(page).Select(m => m.Groups["to"].Value)];

    private static List<string> Letters(string page) => [.. Letter().Matches(page).Select(m => m.Value)];

    [GeneratedRegex("<p class=\"letter-to\">(?<to>[^<]*)</p>")]
    private static partial Regex ToLine();

    [GeneratedRegex("<article class=\"letter\".*?</article>", RegexOptions.Singleline)]
    private static partial Regex Letter();

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\" id=\"confirm-print\"")]
    private static partial Regex ConfirmLink();
}
