import { Component, type ErrorInfo, type ReactNode } from 'react'
import { t } from '../text/strings'
import { Button } from './Button'

interface Props {
  /** A whole screen (under the top bar), or one card or panel of a screen. */
  scope: 'screen' | 'card'
  /** When it changes (another tab, newer data), the part is tried again. */
  resetKey?: unknown
  /** A way out offered beside "Réessayer" (the coordinator: back to an earlier moment). */
  wayOut?: ReactNode
  children: ReactNode
}

interface State {
  error: Error | null
  resetKey: unknown
}

/**
 * Keeps a failure where it happened. The shared document is untrusted input: whatever a part of
 * a screen cannot show, the rest of the screen, the top bar with its sync state, and the other
 * cards stay alive, and the part says in French what went wrong — never a white screen.
 *
 * @example
 *   <ErrorBoundary scope="card" resetKey={entry}>
 *     <WallAtelierCard entry={entry} … />
 *   </ErrorBoundary>
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey }

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return Object.is(props.resetKey, state.resetKey)
      ? null
      : { error: null, resetKey: props.resetKey }
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // For whoever opens the console; the page itself says it in words.
    console.error('Tandem: a part of the screen failed', error, info.componentStack)
  }

  override render(): ReactNode {
    const { error } = this.state
    if (error === null) return this.props.children
    const words = this.props.scope === 'screen' ? t.errors.screen : t.errors.card
    return (
      <div
        className={`notice notice--error error-boundary error-boundary--${this.props.scope}`}
        role="alert"
        data-testid="error-boundary"
      >
        <p className="error-boundary__title">{words.title}</p>
        <p>{words.help}</p>
        <details>
          <summary>{t.errors.detail}</summary>
          <code>{`${error.name}: ${error.message}`.slice(0, 300)}</code>
        </details>
        <div className="error-boundary__choices">
          <Button onClick={() => this.setState({ error: null })}>{t.errors.retry}</Button>
          {this.props.wayOut}
        </div>
      </div>
    )
  }
}
