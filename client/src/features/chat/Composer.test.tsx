import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { Composer, isSendKey } from "./Composer";

describe("Composer", () => {
  it("sends the trimmed question on Enter and clears the box", async () => {
    const onSend = vi.fn();
    render(<Composer onSend={onSend} />);
    const box = screen.getByLabelText("Your question");
    await userEvent.type(box, "  What's the total revenue?  {Enter}");
    expect(onSend).toHaveBeenCalledWith("What's the total revenue?");
    expect(box).toHaveValue("");
  });

  it("starts a new line on Shift+Enter instead of sending", async () => {
    const onSend = vi.fn();
    render(<Composer onSend={onSend} />);
    const box = screen.getByLabelText("Your question");
    await userEvent.type(box, "Revenue{Shift>}{Enter}{/Shift}by region");
    expect(onSend).not.toHaveBeenCalled();
    expect(box).toHaveValue("Revenue\nby region");
    await userEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(onSend).toHaveBeenCalledWith("Revenue\nby region");
  });

  it("sends nothing blank, and nothing while busy", async () => {
    const onSend = vi.fn();
    const { rerender } = render(<Composer onSend={onSend} />);
    await userEvent.type(screen.getByLabelText("Your question"), "   {Enter}");
    expect(onSend).not.toHaveBeenCalled();
    expect(screen.getByRole("button", { name: "Send" })).toBeDisabled();
    rerender(<Composer onSend={onSend} busy />);
    await userEvent.type(screen.getByLabelText("Your question"), "Hi{Enter}");
    expect(onSend).not.toHaveBeenCalled();
  });

  it("says why it is closed in a read-only chat", () => {
    render(<Composer onSend={() => {}} disabled disabledReason={<span>This chat has ended.</span>} />);
    expect(screen.queryByLabelText("Your question")).toBeNull();
    expect(screen.getByRole("note")).toHaveTextContent("This chat has ended.");
  });

  it("does not send while an input method composes a character", () => {
    expect(isSendKey({ key: "Enter", shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, nativeEvent: { isComposing: true } })).toBe(false);
    expect(isSendKey({ key: "Enter", shiftKey: false, altKey: false, ctrlKey: false, metaKey: false })).toBe(true);
  });
});
