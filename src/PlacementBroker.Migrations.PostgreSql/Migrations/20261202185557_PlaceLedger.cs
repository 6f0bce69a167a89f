using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace PlacementBroker.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class PlaceLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "PlacesHeld",
                table: "Vacancies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<Guid>(
                name: "CapacityVersion",
                table: "Settings",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<int>(
                name: "PlacesHeld",
                table: "Approvals",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Places held under the old rule (the whole vacancy) become the places each pending approval needs.
            migrationBuilder.Sql(@"UPDATE ""Approvals"" SET ""PlacesHeld"" = (SELECT r.""SiblingGroupSize"" FROM ""Referrals"" r WHERE r.""Id"" = ""Approvals"".""ReferralId"") WHERE ""Status"" = 'Pending';");
            migrationBuilder.Sql(@"UPDATE ""Vacancies"" SET ""PlacesHeld"" = (SELECT CASE WHEN COALESCE(SUM(a.""PlacesHeld""), 0) > ""Vacancies"".""Places"" THEN ""Vacancies"".""Places"" ELSE COALESCE(SUM(a.""PlacesHeld""), 0) END FROM ""Approvals"" a INNER JOIN ""Offers"" o ON o.""Id"" = a.""OfferId"" WHERE o.""VacancyId"" = ""Vacancies"".""Id"" AND a.""Status"" = 'Pending');");
            migrationBuilder.Sql(@"UPDATE ""Vacancies"" SET ""Status"" = 'Open' WHERE ""Status"" = 'Held' AND ""PlacesHeld"" < ""Places"";");

            migrationBuilder.AddCheckConstraint(
                name: "CK_Vacancies_PlacesHeld",
                table: "Vacancies",
                sql: "\"PlacesHeld\" >= 0 AND \"PlacesHeld\" <= \"Places\"");

            migrationBuilder.CreateIndex(
                name: "IX_Offers_OneLiveOfferPerVacancy",
                table: "Offers",
                columns: new[] { "ReferralId", "VacancyId" },
                unique: true,
                filter: "\"Status\" IN ('Submitted', 'PendingApproval', 'Accepted')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_Vacancies_PlacesHeld",
                table: "Vacancies");

            migrationBuilder.DropIndex(
                name: "IX_Offers_OneLiveOfferPerVacancy",
                table: "Offers");

            migrationBuilder.DropColumn(
                name: "PlacesHeld",
                table: "Vacancies");

            migrationBuilder.DropColumn(
                name: "CapacityVersion",
                table: "Settings");

            migrationBuilder.DropColumn(
                name: "PlacesHeld",
                table: "Approvals");
        }
    }
}
