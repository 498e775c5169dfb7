import { type Page, expect } from "@playwright/test";

export const DEMO_PASSWORD = "coflex-demo";

export class SignInPage {
  constructor(private readonly page: Page) {}

  async signIn(email: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.goto("/signin");
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  }
}
