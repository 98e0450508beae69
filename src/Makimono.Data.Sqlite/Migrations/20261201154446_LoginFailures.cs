using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Makimono.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LoginFailures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LoginFailures",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    FailedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LoginFailures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LoginFailures_FailedAt",
                table: "LoginFailures",
                column: "FailedAt");

            migrationBuilder.CreateIndex(
                name: "IX_LoginFailures_NormalizedUserName_FailedAt",
                table: "LoginFailures",
                columns: new[] { "NormalizedUserName", "FailedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LoginFailures");
        }
    }
}
