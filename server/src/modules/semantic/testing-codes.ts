/** The stable code an edit threw, or "none" when it did not throw: tests compare codes, not messages. */
export function thrownCode(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return "none";
}
