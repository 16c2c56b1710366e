import { Component, type FunctionComponent, h } from 'preact';

/**
 * Renders `render` again only when a prop changed (by identity), like preact/compat's memo, without
 * bringing compat into the applicant's bundle.
 */
export function memo<P extends object>(render: FunctionComponent<P>) {
  return class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      const prev = this.props as Record<string, unknown>;
      const props = next as Record<string, unknown>;
      for (const key in props) if (props[key] !== prev[key]) return true;
      for (const key in prev) if (!(key in props)) return true;
      return false;
    }
    override render() {
      return h(render, this.props);
    }
  };
}
