import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { Button, Select } from 'antd'
import { useId } from 'react'
import { useT } from '../../i18n'

type Props = {
  page: number
  pages: number
  onChange: (page: number) => void
  /** A crop was thrown away because the page changed. */
  cropReset: boolean
}

/** PDF 页码: which page of a multi-page PDF is used (a cover letter often comes first). */
export function PdfPagePicker({ page, pages, onChange, cropReset }: Props) {
  const t = useT()
  const labelId = useId()
  const options = Array.from({ length: pages }, (_, i) => ({
    value: i + 1,
    label: t('editor.pdfPage.option', { n: i + 1 }),
  }))
  return (
    <section className="editor-pdf-page" data-testid="editor-pdf-page" aria-label={t('editor.pdfPage')}>
      <div className="editor-pdf-page-row">
        <span className="editor-section-title" id={labelId}>
          {t('editor.pdfPage')}
        </span>
        <Button
          icon={<LeftOutlined />}
          disabled={page <= 1}
          onClick={() => onChange(page - 1)}
          aria-label={t('editor.pdfPage.previous')}
          data-testid="editor-pdf-page-prev"
        />
        <Select<number>
          className="editor-pdf-page-select"
          value={page}
          options={options}
          onChange={onChange}
          popupMatchSelectWidth={false}
          aria-labelledby={labelId}
          data-testid="editor-pdf-page-select"
        />
        <Button
          icon={<RightOutlined />}
          disabled={page >= pages}
          onClick={() => onChange(page + 1)}
          aria-label={t('editor.pdfPage.next')}
          data-testid="editor-pdf-page-next"
        />
        <span className="editor-pdf-page-count" data-testid="editor-pdf-page-count">
          {t('editor.pdfPage.count', { total: pages })}
        </span>
      </div>
      <div className="editor-note">{t('editor.pdfPage.hint')}</div>
      {cropReset && (
        <div className="editor-note editor-pdf-page-reset" role="status" data-testid="editor-pdf-page-reset">
          {t('editor.pdfPage.cropReset')}
        </div>
      )}
    </section>
  )
}
