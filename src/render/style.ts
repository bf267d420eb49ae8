// Emphasis for terminal output. Renderers get a Style; the CLI makes a coloured
// one (chalk, loaded only then) when colour is allowed.

export interface Style {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly red: (text: string) => string;
  readonly green: (text: string) => string;
}

const same = (text: string) => text;
export const PLAIN: Style = { bold: same, dim: same, red: same, green: same };
