import { Result } from 'antd'

type Props = { title: string; body: string }

/** Shown instead of the app when it cannot work at all (e.g. the bridge is missing). */
export function FullScreenError({ title, body }: Props) {
  return (
    <div className="full-screen-center" role="alert">
      <Result status="error" title={title} subTitle={body} />
    </div>
  )
}
