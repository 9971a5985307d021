using Qorgau.Domain;
using Qorgau.Domain.Cases;
using Qorgau.Domain.Intake;
using Qorgau.Domain.Organisations;
using Qorgau.Domain.Security;

namespace Qorgau.UnitTests.Intake;

public sealed class ReceiptAndRoutingTests
{
    private static readonly Argon2Cost Cheap = Argon2Cost.Testing;
    private static readonly byte[] Pepper = new byte[32];

    private static Domain.Profiles.AgencyTree Agencies => TestProfile.Kazakhstan.AgencyTree;

    [Fact]
    public void A_receipt_is_16_random_digits_read_back_from_what_a_person_types()
    {
        var receipt = Receipt.New();

        receipt.ShouldMatch("^[0-9]{16}$");
        Receipt.New().ShouldNotBe(receipt);
        Receipt.Format("1234567890123456").ShouldBe("1234 5678 9012 3456");
        Receipt.Normalize(" 1234-5678 9012\u00A03456 ").ShouldBe("1234567890123456");
        Receipt.Normalize("1234 5678 9012 345").ShouldBeNull();
        Receipt.Normalize("1234 5678 9012 345x").ShouldBeNull();
        Receipt.Normalize("١٢٣٤٥٦٧٨٩٠١٢٣٤٥٦").ShouldBeNull();
    }

    [Fact]
    public void The_same_receipt_and_salt_derive_the_same_keys_and_another_receipt_or_salt_others()
    {
        var salt = new byte[16];
        var keys = Receipt.DeriveKeys("1234567890123456", salt, Pepper, Cheap);

        Receipt.DeriveKeys("1234567890123456", salt, Pepper, Cheap).Lookup.ShouldBe(keys.Lookup);
        Receipt.DeriveKeys("1234567890123457", salt, Pepper, Cheap).Lookup.ShouldNotBe(keys.Lookup);
        Receipt.DeriveKeys("1234567890123456", [.. Enumerable.Repeat((byte)1, 16)], Pepper, Cheap).Lookup.ShouldNotBe(keys.Lookup);
        keys.Lookup.ShouldNotBe(keys.PrivateKey);
        Crypto.PublicKeyOf(keys.PrivateKey).ShouldBe(keys.PublicKey);
    }

    [Fact]
    public void Without_the_pepper_the_receipt_and_salt_derive_nothing_useful()
    {
        var salt = new byte[16];
        var keys = Receipt.DeriveKeys("1234567890123456", salt, Pepper, Cheap);

        var otherPepper = Receipt.DeriveKeys("1234567890123456", salt, [.. Enumerable.Repeat((byte)7, 32)], Cheap);

        otherPepper.Lookup.ShouldNotBe(keys.Lookup);
        otherPepper.PrivateKey.ShouldNotBe(keys.PrivateKey);
    }

    [Fact]
    public void A_case_key_sealed_to_the_complainant_opens_with_the_receipt_alone()
    {
        var caseId = Guid.NewGuid();
        var caseKey = Crypto.NewKey();
        var sealedKey = Keyring.SealCaseKey(caseKey, Receipt.DeriveKeys("1111222233334444", new byte[16], Pepper, Cheap).PublicKey, caseId);

        Keyring.OpenCaseKey(sealedKey, Receipt.DeriveKeys("1111222233334444", new byte[16], Pepper, Cheap).PrivateKey, caseId).ShouldBe(caseKey);
        Should.Throw<System.Security.Cryptography.CryptographicException>(() =>
            Keyring.OpenCaseKey(sealedKey, Receipt.DeriveKeys("1111222233334445", new byte[16], Pepper, Cheap).PrivateKey, caseId));
    }

    [Fact]
    public void Public_case_numbers_are_random_and_well_formed()
    {
        var numbers = Enumerable.Range(0, 200).Select(_ => PublicCaseId.New()).ToList();

        numbers.ShouldAllBe(n => PublicCaseId.IsWellFormed(n));
        numbers.Distinct().Count().ShouldBe(200);
        PublicCaseId.IsWellFormed("QG-ILOU-1234").ShouldBeFalse();
    }

    [Fact]
    public void A_complaint_goes_to_the_default_unless_the_complainant_chooses_and_never_to_the_accused_agency()
    {
        var npm = Organisation("npm", isDefault: true, affiliation: null);
        var police = Organisation("police-council", isDefault: false, affiliation: "police");
        var ngo = Organisation("ngo", isDefault: false, affiliation: null);
        Organisation[] all = [npm, police, ngo];

        ComplaintRouting.Choose(Agencies, all, null, "police").Organisation.ShouldBe(npm);
        ComplaintRouting.Choose(Agencies, all, "ngo", "police").Organisation.ShouldBe(ngo);
        ComplaintRouting.Choose(Agencies, all, "police-council", "health").Organisation.ShouldBe(police);
        ComplaintRouting.Choose(Agencies, all, "police-council", "police").Problem.ShouldBe(ComplaintProblemCode.OrganisationNotIndependent);
        ComplaintRouting.Choose(Agencies, all, "elsewhere", null).Problem.ShouldBe(ComplaintProblemCode.UnknownOrganisation);
        ComplaintRouting.Choose(Agencies, [police], null, "police").Problem.ShouldBe(ComplaintProblemCode.NoReceivingOrganisation);
        npm.AffiliationAgencyCode = "police";
        ComplaintRouting.Choose(Agencies, all, null, "police").Organisation.ShouldBe(ngo);
    }

    [Theory]
    [InlineData("police", "penitentiary")]
    [InlineData("penitentiary", "police")]
    [InlineData("national-security", "border")]
    [InlineData("border", "national-security")]
    public void A_complaint_never_goes_to_an_organisation_affiliated_with_an_agency_above_or_below_the_accused(string affiliation, string accused)
    {
        var council = Organisation("council", isDefault: true, affiliation: affiliation);
        var ngo = Organisation("ngo", isDefault: false, affiliation: null);

        ComplaintRouting.Choose(Agencies, [council, ngo], null, accused).Organisation.ShouldBe(ngo);
        ComplaintRouting.Choose(Agencies, [council, ngo], "council", accused).Problem.ShouldBe(ComplaintProblemCode.OrganisationNotIndependent);
    }

    [Fact]
    public void Complainants_see_a_few_plain_states()
    {
        var record = new Domain.Cases.Case { PublicId = "QG-0000-0000", Language = "ru", AccountCipher = [] };
        ComplainantStatus.Of(record).ShouldBe(ComplainantStatus.Received);
        record.FirstReadAtUtc = DateTime.UtcNow;
        ComplainantStatus.Of(record).ShouldBe(ComplainantStatus.Read);
        record.Status = CaseStatus.Registered;
        ComplainantStatus.Of(record).ShouldBe(ComplainantStatus.InProgress);
        record.Status = CaseStatus.Final;
        ComplainantStatus.Of(record).ShouldBe(ComplainantStatus.Closed);
    }

    [Fact]
    public void Administrators_never_work_on_cases_whatever_else_they_hold()
    {
        StaffRole.WorksOnCases(r => r == StaffRole.Supervisor).ShouldBeTrue();
        StaffRole.WorksOnCases(r => r is StaffRole.Supervisor or StaffRole.Administrator).ShouldBeFalse();
        StaffRole.WorksOnCases(r => r == StaffRole.Analyst).ShouldBeFalse();
    }

    private static Organisation Organisation(string code, bool isDefault, string? affiliation) => new()
    {
        Code = code,
        Name = new LocalizedName(code, code, code),
        TakesPublicComplaints = true,
        IsDefaultIntake = isDefault,
        AffiliationAgencyCode = affiliation,
    };
}
