// First: asks main for the settings and the workspace before anything else is evaluated.
import './early-start'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import { bridgeAvailable } from './api'
import { FullScreenError } from './components/FullScreenError'
import { Root } from './Root'
import { translate } from './i18n'
// Before the app's own sheets, which override it. Pairs with zeroRuntime in Root.tsx.
import 'antd/dist/antd.css'
import './styles/base.css'
import './styles/forms.css'
import './styles/materials.css'
import './styles/editor.css'
import './styles/watermark.css'
import './styles/crop-stage.css'
import './styles/compare.css'
import './styles/batch.css'

dayjs.locale('zh-cn')

const container = document.getElementById('root')
if (!container) throw new Error('#root is missing from index.html')

createRoot(container).render(
  <StrictMode>
    {bridgeAvailable() ? (
      <Root />
    ) : (
      <FullScreenError
        title={translate('zh-CN', 'app.noBridge.title')}
        body={translate('zh-CN', 'app.noBridge.body')}
      />
    )}
  </StrictMode>,
)
