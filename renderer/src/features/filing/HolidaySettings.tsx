import { CalendarOutlined } from '@ant-design/icons'
import { Alert, App, Button, Input, InputNumber, List, Modal, Space, Typography } from 'antd'
import { useState } from 'react'
import { parseYearSchedule } from '../../../../core/filing/calendar'
import { PACKAGE_SCHEDULES } from '../../../../core/filing/chinese-days-data'
import { saveHolidayYear, useHolidayStore } from './holiday-store'
import { useFilingT } from './strings'

const LAST_PACKAGE_YEAR = Math.max(...PACKAGE_SCHEDULES.map((y) => y.year))

/**
 * Lets the user add a year's official holiday schedule (国务院办公厅 notice) when the bundled
 * calendar does not cover it; until then that year's working days count Monday–Friday.
 */
export function HolidaySettings() {
  const t = useFilingT()
  const { message } = App.useApp()
  const userYears = useHolidayStore((s) => s.userYears)
  const [open, setOpen] = useState(false)
  const [year, setYear] = useState(LAST_PACKAGE_YEAR + 1)
  const [holidays, setHolidays] = useState('')
  const [workdays, setWorkdays] = useState('')
  const [errors, setErrors] = useState<string[]>([])
  const save = async () => {
    const parsed = parseYearSchedule(year, holidays, workdays)
    setErrors(parsed.errors)
    if (!parsed.schedule) return
    if (await saveHolidayYear(year, parsed.schedule)) {
      void message.success(t('holiday.saved', { year }))
      setHolidays('')
      setWorkdays('')
    }
  }
  return (
    <>
      <Button icon={<CalendarOutlined />} onClick={() => setOpen(true)} data-testid="holiday-open">
        {t('holiday.button')}
      </Button>
      <Modal open={open} onCancel={() => setOpen(false)} footer={null} title={t('holiday.title')} width={640}>
        <Typography.Paragraph>{t('holiday.intro', { year: LAST_PACKAGE_YEAR })}</Typography.Paragraph>
        <List
          size="small"
          dataSource={userYears}
          locale={{ emptyText: t('holiday.none') }}
          renderItem={(y) => (
            <List.Item
              actions={[
                <Button
                  key="del"
                  size="small"
                  danger
                  type="link"
                  onClick={() => void saveHolidayYear(y.year, null)}
                >
                  {t('holiday.remove')}
                </Button>,
              ]}
            >
              {t('holiday.row', { year: y.year, holidays: y.holidays.length, workdays: y.workdays.length })}
            </List.Item>
          )}
        />
        <Space direction="vertical" style={{ display: 'flex', marginTop: 12 }}>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => v && setYear(v)}
            addonBefore={t('holiday.year')}
          />
          <Input.TextArea
            value={holidays}
            onChange={(e) => setHolidays(e.target.value)}
            placeholder={t('holiday.holidays')}
            autoSize={{ minRows: 3 }}
            data-testid="holiday-off"
          />
          <Input.TextArea
            value={workdays}
            onChange={(e) => setWorkdays(e.target.value)}
            placeholder={t('holiday.workdays')}
            autoSize={{ minRows: 2 }}
            data-testid="holiday-work"
          />
          {errors.length > 0 ? (
            <Alert
              type="error"
              showIcon
              message={errors.map((e) => (
                <div key={e}>{e}</div>
              ))}
            />
          ) : null}
          <Button type="primary" onClick={() => void save()} data-testid="holiday-save">
            {t('common.save')}
          </Button>
        </Space>
      </Modal>
    </>
  )
}
